using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ProcurementGraph.Toolkit.Introspection;

/// <summary>
/// Adds <c>__Type.specifiedByURL: String</c> (GraphQL, October 2021), which GraphQL.NET 8 lacks: a scalar's URL is its
/// <see cref="MetadataKey"/> metadata, null otherwise (as for every scalar without <c>@specifiedBy</c>).
/// </summary>
public sealed class SpecifiedByUrlSchemaVisitor : BaseSchemaNodeVisitor
{
    /// <summary>The metadata key of a scalar's specification URL.</summary>
    public const string MetadataKey = "ProcurementGraph.SpecifiedByUrl";

    public override void VisitObject(IObjectGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(schema);
        if (type.Name != "__Type" || type.HasField("specifiedByURL"))
        {
            return;
        }

        type.AddField(new FieldType
        {
            Name = "specifiedByURL",
            ResolvedType = schema.AllTypes["String"],
            Resolver = new FuncFieldResolver<object?>(context =>
                context.Source is ScalarGraphType scalar ? scalar.GetMetadata<string?>(MetadataKey) : null),
        });
    }
}
