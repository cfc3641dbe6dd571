using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary><c>NotFoundError</c>: an ID names no row the caller may see.</summary>
public sealed class NotFoundErrorGraphType : MutationErrorGraphType<NotFoundError>
{
    public NotFoundErrorGraphType()
        : base("NotFoundError", "An ID of the input names no object you may see (whether it does not exist or is not yours, the answer is the same).")
    {
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field that holds the ID.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ID that was not found.").Resolve(c => c.Source.Id);
        Field<IntGraphType>("index").Description("The position of the item in a batch; null outside batches.").Resolve(c => c.Source.Index);
    }
}
