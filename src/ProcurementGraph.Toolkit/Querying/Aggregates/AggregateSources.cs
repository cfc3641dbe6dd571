namespace ProcurementGraph.Toolkit.Querying.Aggregates;

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
    /// <remarks>
    /// Over a measure's units when it has them (<paramref name="overUnits"/>): then the value is in units, see
    /// <see cref="FromUnits"/>; <c>having</c> compares the field's own aggregate (<paramref name="overUnits"/> false).
    /// </remarks>
    public static System.Linq.Expressions.Expression Value(AggregateGrouping grouping, AggregateFunction function, string name, bool overUnits = true) => function switch
    {
        AggregateFunction.Count => grouping.Count(),
        AggregateFunction.CountDistinct => grouping.CountDistinct(grouping.Model.Key(name)),
        _ => grouping.Value(function, grouping.Model.Measure(name), overUnits),
    };

    /// <summary>Scales a value computed by <see cref="Value"/> over a measure's units back to the field's; null when none is needed.</summary>
    public static Func<object?, object?>? FromUnits(AggregateModel model, AggregateFunction function, string name) =>
        function is AggregateFunction.Count or AggregateFunction.CountDistinct ? null : model.Measure(name).FromUnits(function);

    /// <summary>The CLR type of <paramref name="function"/>'s values (the operation input filtering them).</summary>
    public static Type TypeOf(AggregateModel model, AggregateFunction function, string name) =>
        function is AggregateFunction.Count or AggregateFunction.CountDistinct ? typeof(int) : model.Measure(name).ResultType(function);

}
