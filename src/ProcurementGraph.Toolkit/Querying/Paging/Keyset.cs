using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying.Paging;

/// <summary>
/// Keyset paging: ordering by the sort keys and seeking past a cursor with
/// <c>k1 &gt; v1 OR (k1 = v1 AND (k2 &gt; v2 OR ...))</c>, never OFFSET.
/// </summary>
public static class Keyset
{
    /// <summary>Orders by the keys (reversed when reading backward).</summary>
    public static Sequence Order(Sequence sequence, IReadOnlyList<SortKey> keys, bool reverse)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            sequence = sequence.OrderBy(keys[i].Selector, keys[i].Descending ^ reverse, first: i == 0);
        }

        return sequence;
    }

    /// <summary>Keeps the rows after <c>after</c> and before <c>before</c>.</summary>
    public static Sequence Seek(Sequence sequence, IReadOnlyList<SortKey> keys, ParameterExpression element, PagingArguments paging)
    {
        if (paging.After is { } after)
        {
            sequence = sequence.Where(Beyond(keys, element, Decode(after, keys, "after"), reverse: false));
        }

        if (paging.Before is { } before)
        {
            sequence = sequence.Where(Beyond(keys, element, Decode(before, keys, "before"), reverse: true));
        }

        return sequence;
    }

    private static object?[] Decode(string cursor, IReadOnlyList<SortKey> keys, string argument) =>
        KeysetCursor.Decode(cursor, keys.Select(k => k.Selector.ReturnType).ToList(), argument);

    private static LambdaExpression Beyond(IReadOnlyList<SortKey> keys, ParameterExpression element, object?[] values, bool reverse)
    {
        Expression? result = null;
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            var value = ParameterReplacer.Apply(keys[i].Selector, element);
            var bound = values[i] is null ? Expression.Constant(null, value.Type) : QueryParameter.Of(values[i], value.Type);
            var beyond = Compare.BeyondWithNulls(value, values[i], bound, keys[i].Descending ^ reverse);
            result = result is null
                ? beyond
                : Expression.OrElse(beyond, Expression.AndAlso(Compare.Same(value, values[i], bound), result));
        }

        return Expression.Lambda(result!, element);
    }
}
