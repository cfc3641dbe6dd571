namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>The aggregate values of a group, each a field of the group type (<c>count</c>, <c>sum { ... }</c>, ...).</summary>
public enum AggregateFunction
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
    CountDistinct,
}
