using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// A table of pre-aggregated rows that the application keeps exactly equal to the aggregated entity's rows (say, by database
/// triggers): each row stands for the entities of one combination of some grouping keys and carries their count and the sums
/// of some measures' units. A request that only groups by those keys, has no <c>where</c> and no <c>having</c>, reads no
/// entity under row rules, and asks only for counts, sums and averages of those measures (in its selection and its order)
/// is answered from these rows (a <c>GROUP BY</c> over far fewer rows, the same figures); any other request reads the entities.
/// </summary>
/// <remarks>
/// A key's column must have the type the entity's key groups by (an object key: its foreign key), so cursors are the same on
/// both paths; a sum's column is the measure's units (<see cref="AggregateDefinition.MeasureInUnits{TEntity}"/>). Averages
/// are Σ units / Σ count in floating point: what <c>AVG</c> over the whole-number units computes.
/// </remarks>
public abstract class AggregateRollup
{
    private protected AggregateRollup(Type rowType, LambdaExpression count)
    {
        RowType = rowType;
        Count = count;
    }

    /// <summary>The rollup row type (an entity of the query source, with no row rule for the callers it serves).</summary>
    public Type RowType { get; }

    /// <summary>The number of entities a row stands for (an <see cref="int"/> over <see cref="RowType"/>).</summary>
    public LambdaExpression Count { get; }

    /// <summary>The grouping keys (their field names in the key type) and the row columns holding them.</summary>
    public Dictionary<string, LambdaExpression> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>The measures (field names) and the row columns holding the sums of their units.</summary>
    public Dictionary<string, LambdaExpression> Sums { get; } = new(StringComparer.Ordinal);
}

/// <summary>An <see cref="AggregateRollup"/> over rows of <typeparamref name="TRow"/>.</summary>
public sealed class AggregateRollup<TRow>(Expression<Func<TRow, int>> count) : AggregateRollup(typeof(TRow), count)
{
    /// <summary>The grouping key named <paramref name="key"/> (its field name, e.g. <c>category</c>) is the column <paramref name="column"/>.</summary>
    public AggregateRollup<TRow> Key<TKey>(string key, Expression<Func<TRow, TKey>> column)
    {
        Keys.Add(key, column);
        return this;
    }

    /// <summary>The sum of the measure <paramref name="measure"/>'s units is the column <paramref name="column"/>.</summary>
    public AggregateRollup<TRow> Sum(string measure, Expression<Func<TRow, long>> column)
    {
        Sums.Add(measure, column);
        return this;
    }
}

/// <summary>Thrown while a request is planned over a rollup that cannot answer it: the request then reads the entities.</summary>
internal sealed class RollupNotCoveringException : Exception
{
    public RollupNotCoveringException()
    {
    }

    public RollupNotCoveringException(string message)
        : base(message)
    {
    }

    public RollupNotCoveringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
