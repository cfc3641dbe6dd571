using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>HotChocolate's default error interface: <c>interface Error { message: String! }</c>.</summary>
public sealed class ErrorInterfaceGraphType : InterfaceGraphType
{
    public const string TypeName = "Error";

    public ErrorInterfaceGraphType()
    {
        Name = TypeName;
        Description = "A business failure of a mutation, returned in its payload's `errors`; nothing was written.";
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, in words for people.");
    }
}
