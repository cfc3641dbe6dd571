using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying.Filtering;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// Turns a <c>having</c> argument into a predicate over a group (SQL's <c>HAVING</c>), with the filter operations of
/// <c>where</c> (<see cref="ValueOperations"/>) on aggregate values; <c>and</c>/<c>or</c> combine as in <c>where</c>.
/// </summary>
internal sealed class HavingBuilder(QueryScope scope, AggregateGrouping grouping)
{
    /// <summary>The predicate over <see cref="AggregateGrouping.Group"/>, or null when there is no filter.</summary>
    public LambdaExpression? Lambda(object? having)
    {
        if (having is not IDictionary<string, object?> { Count: > 0 } filter)
        {
            return null;
        }

        FilterBuilder.CheckSize(filter);
        return Expression.Lambda(Build(filter), grouping.Group);
    }

    private Expression Build(IDictionary<string, object?> filter)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case "and":
                    parts.Add(FilterBuilder.Combine(FilterBuilder.Items(value).Select(Build), Expression.AndAlso, true));
                    break;
                case "or":
                    parts.Add(FilterBuilder.Combine(FilterBuilder.Items(value).Select(Build), Expression.OrElse, false));
                    break;
                case "count":
                    parts.Add(Operations(grouping.Count(), (IDictionary<string, object?>)value, typeof(int)));
                    break;
                default:
                    var function = AggregateNames.Function(name)!.Value;
                    foreach (var (field, operations) in (IDictionary<string, object?>)value)
                    {
                        if (operations is IDictionary<string, object?> given)
                        {
                            AggregateSources.Use(scope, AggregateSources.Of(grouping.Model, function, field), "having");
                            parts.Add(Operations(AggregateSources.Value(grouping, function, field, overUnits: false), given, AggregateSources.TypeOf(grouping.Model, function, field)));
                        }
                    }

                    break;
            }
        }

        return FilterBuilder.Combine(parts, Expression.AndAlso, true);
    }

    private static Expression Operations(Expression value, IDictionary<string, object?> operations, Type type)
    {
        var input = AggregateTypes.OperationInput(type);
        return FilterBuilder.Combine(operations.Select(o => ValueOperations.Build(o.Key, value, o.Value, input)), Expression.AndAlso, true);
    }
}
