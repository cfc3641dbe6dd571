using System.Linq.Expressions;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// Turns an aggregate <c>order</c> argument into sort keys over a group, in list order and written field order (as
/// <see cref="SortBuilder"/> does for rows); the grouped keys follow as the last keys (ascending unless ordered), so the
/// order is total: a cursor (the sort-key values of a group) is a position among the groups.
/// </summary>
internal sealed class AggregateSortBuilder(QueryScope scope, AggregateGrouping grouping)
{
    public List<SortKey> Build(object? order, GraphQLValue? written)
    {
        var keys = new List<SortKey>();
        var ordered = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var input in order as IEnumerable<object?> ?? [])
        {
            if (input is IDictionary<string, object?> fields)
            {
                foreach (var (name, value) in SortBuilder.InWrittenOrder(fields, SortBuilder.WrittenItem(written, index)))
                {
                    Add(name, value, keys, ordered);
                }
            }

            index++;
        }

        foreach (var key in grouping.Keys.Where(k => !ordered.Contains(k.Name)))
        {
            keys.Add(new SortKey(Expression.Lambda(grouping.Key(key), grouping.Group), Descending: false));
        }

        return keys;
    }

    private void Add(string name, object? value, List<SortKey> keys, HashSet<string> ordered)
    {
        switch (name, value)
        {
            case ("count", SortDirection direction):
                keys.Add(Key(grouping.Count(), direction));
                break;
            case ("key", _):
                foreach (var (field, direction) in Directions(value))
                {
                    var key = grouping.Model.Key(field);
                    if (!grouping.IsGrouped(key))
                    {
                        throw AggregateErrors.KeyNotGrouped(key);
                    }

                    AggregateSources.Use(scope, key.Sources, "order");
                    if (ordered.Add(key.Name))
                    {
                        keys.Add(Key(grouping.Key(key), direction));
                    }
                }

                break;
            default:
                if (AggregateNames.Function(name) is { } function)
                {
                    foreach (var (field, direction) in Directions(value))
                    {
                        AggregateSources.Use(scope, AggregateSources.Of(grouping.Model, function, field), "order");
                        keys.Add(Key(AggregateSources.Value(grouping, function, field), direction));
                    }
                }

                break;
        }
    }

    private SortKey Key(Expression value, SortDirection direction) =>
        new(Expression.Lambda(value, grouping.Group), direction == SortDirection.Descending);

    /// <summary>The (field, direction) pairs of a nested sort input, in written order.</summary>
    private static IEnumerable<(string Field, SortDirection Direction)> Directions(object? value)
    {
        var fields = value switch
        {
            SortBuilder.OrderedFields ordered => ordered.Fields,
            IDictionary<string, object?> dictionary => dictionary,
            _ => [],
        };
        foreach (var (field, direction) in fields)
        {
            if (direction is SortDirection given)
            {
                yield return (field, given);
            }
        }
    }
}
