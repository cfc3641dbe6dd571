using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Sorting;

/// <summary>HotChocolate's <c>enum SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = TypeNames.SortEnum;
        Description = "The direction of a sort key.";
        Add("ASC", SortDirection.Ascending, "Smallest first (nulls first).");
        Add("DESC", SortDirection.Descending, "Largest first (nulls last).");
    }
}
