namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>The names of the generated aggregate types, from the entity type's name (<c>Contract</c>) and the field's.</summary>
public static class AggregateNames
{
    public static string GroupBy(string entity) => entity + "GroupBy";

    /// <summary>The node type: one group with its key and values.</summary>
    public static string Group(string entity) => entity + "Aggregate";

    public static string Key(string entity) => entity + "AggregateKey";

    public static string Values(string entity, AggregateFunction function) => entity + "Aggregate" + function;

    public static string Having(string entity) => entity + "AggregateHavingInput";

    public static string ValuesFilter(string entity, AggregateFunction function) => entity + "Aggregate" + function + "FilterInput";

    public static string Sort(string entity) => entity + "AggregateSortInput";

    public static string KeySort(string entity) => entity + "AggregateKeySortInput";

    public static string ValuesSort(string entity, AggregateFunction function) => entity + "Aggregate" + function + "SortInput";

    /// <summary>The functions with a type of per-measure (or per-key) values: <c>sum { ... }</c>, ..., <c>countDistinct { ... }</c>.</summary>
    public static IReadOnlyList<AggregateFunction> ValueFunctions { get; } =
        [AggregateFunction.Sum, AggregateFunction.Avg, AggregateFunction.Min, AggregateFunction.Max, AggregateFunction.CountDistinct];

    /// <summary>The GraphQL field name of a function: <c>count</c>, <c>sum</c>, <c>avg</c>, <c>min</c>, <c>max</c>, <c>countDistinct</c>.</summary>
    public static string Field(AggregateFunction function) => function switch
    {
        AggregateFunction.Count => "count",
        AggregateFunction.Sum => "sum",
        AggregateFunction.Avg => "avg",
        AggregateFunction.Min => "min",
        AggregateFunction.Max => "max",
        _ => "countDistinct",
    };

    public static AggregateFunction? Function(string field) => field switch
    {
        "count" => AggregateFunction.Count,
        "sum" => AggregateFunction.Sum,
        "avg" => AggregateFunction.Avg,
        "min" => AggregateFunction.Min,
        "max" => AggregateFunction.Max,
        "countDistinct" => AggregateFunction.CountDistinct,
        _ => null,
    };
}
