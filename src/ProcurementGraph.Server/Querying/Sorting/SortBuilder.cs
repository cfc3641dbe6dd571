using System.Linq.Expressions;
using ProcurementGraph.Server.Querying.Metadata;

namespace ProcurementGraph.Server.Querying.Sorting;

/// <summary>
/// Turns an <c>order</c> argument (<c>[XSortInput!]</c>) into sort keys, in list order and field order,
/// nested objects included; the primary key is always the last key, so the order is total.
/// </summary>
public sealed class SortBuilder(QueryScope scope)
{
    public List<SortKey> Build(IEntityGraphType entity, ParameterExpression element, object? order)
    {
        var keys = new List<SortKey>();
        foreach (var input in order as IEnumerable<object?> ?? [])
        {
            if (input is IDictionary<string, object?> fields)
            {
                Add(entity, element, element, fields, keys);
            }
        }

        keys.Add(new SortKey(Expression.Lambda(scope.Apply(entity.Key, element), element), Descending: false));
        return keys;
    }

    private void Add(IEntityGraphType entity, ParameterExpression element, Expression target, IDictionary<string, object?> fields, List<SortKey> keys)
    {
        foreach (var (name, value) in fields)
        {
            var field = entity.QueryFields[name];
            var expression = scope.Apply(field.Expression, target);
            switch (value)
            {
                case SortDirection direction:
                    keys.Add(new SortKey(Expression.Lambda(expression, element), direction == SortDirection.Descending));
                    break;
                case IDictionary<string, object?> nested:
                    Add(scope.Entity(field.TargetTypeName!), element, expression, nested, keys);
                    break;
            }
        }
    }
}
