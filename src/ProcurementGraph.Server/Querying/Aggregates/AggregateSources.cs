namespace ProcurementGraph.Server.Querying.Aggregates;

/// <summary>The field rules of aggregates: reading a key or an aggregate value reads the fields it is made of.</summary>
internal static class AggregateSources
{
    /// <summary>
    /// Notes the fields that <paramref name="argument"/> (<c>groupBy</c>, <c>having</c>, <c>order</c>) reads: before the statement
    /// is sent the request is refused (<c>AUTH_NOT_AUTHORIZED</c>) when the caller may not read one, as a <c>where</c> on it would be.
    /// </summary>
    public static void Use(QueryScope scope, IEnumerable<FieldSource> sources, string argument)
    {
        foreach (var source in sources)
        {
            scope.Use(scope.Entity(source.TypeName), source.FieldName, argument);
        }
    }

    /// <summary>Whether the caller may read every field of <paramref name="sources"/>.</summary>
    public static async ValueTask<bool> CanReadAsync(QueryScope scope, IEnumerable<FieldSource> sources)
    {
        foreach (var source in sources)
        {
            if (!await scope.CanReadAsync(scope.Entity(source.TypeName), source.FieldName).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    public static IReadOnlyList<FieldSource> Of(AggregateModel model, AggregateFunction function, string name) =>
        function == AggregateFunction.CountDistinct ? model.Key(name).Sources : model.Measure(name).Sources;

    /// <summary>The expression of <paramref name="function"/>'s value of the measure or key <paramref name="name"/> over a group.</summary>
    public static System.Linq.Expressions.Expression Value(AggregateGrouping grouping, AggregateFunction function, string name) => function switch
    {
        AggregateFunction.Count => grouping.Count(),
        AggregateFunction.CountDistinct => grouping.CountDistinct(grouping.Model.Key(name)),
        _ => grouping.Value(function, grouping.Model.Measure(name)),
    };

    /// <summary>The CLR type of <paramref name="function"/>'s values (the operation input filtering them).</summary>
    public static Type TypeOf(AggregateModel model, AggregateFunction function, string name) =>
        function is AggregateFunction.Count or AggregateFunction.CountDistinct ? typeof(int) : model.Measure(name).ResultType(function);

}
