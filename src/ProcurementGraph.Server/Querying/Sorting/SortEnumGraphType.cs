using GraphQL.Types;
using ProcurementGraph.Server.Querying.Metadata;

namespace ProcurementGraph.Server.Querying.Sorting;

/// <summary>HotChocolate's <c>enum SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = TypeNames.SortEnum;
        Add("ASC", SortDirection.Ascending);
        Add("DESC", SortDirection.Descending);
    }
}
