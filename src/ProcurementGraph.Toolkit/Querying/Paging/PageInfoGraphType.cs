using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>HotChocolate's <c>PageInfo</c>, with its descriptions.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageCursors>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Indicates whether more edges exist following the set defined by the clients arguments.")
            .Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Indicates whether more edges exist prior the set defined by the clients arguments.")
            .Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor")
            .Description("When paginating backwards, the cursor to continue.")
            .Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor")
            .Description("When paginating forwards, the cursor to continue.")
            .Resolve(c => c.Source.EndCursor);
    }
}
