using GraphQL;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>An <c>ID!</c> argument that takes the global IDs of one type (HotChocolate's <c>[ID&lt;T&gt;]</c>), checked by <see cref="TypedIdValidationRule"/>.</summary>
public static class TypedIdArgument
{
    /// <summary>The argument metadata naming the expected type.</summary>
    public const string MetadataKey = "ProcurementGraph.Relay.IdType";

    public static QueryArgument Create(string name, string typeName, string description)
    {
        var argument = new QueryArgument<NonNullGraphType<IdGraphType>> { Name = name, Description = description };
        argument.WithMetadata(MetadataKey, typeName);
        return argument;
    }
}
