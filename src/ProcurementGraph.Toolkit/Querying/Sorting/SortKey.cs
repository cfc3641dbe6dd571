using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Sorting;

/// <summary>One <c>ORDER BY</c> key over the element parameter.</summary>
public sealed record SortKey(LambdaExpression Selector, bool Descending);
