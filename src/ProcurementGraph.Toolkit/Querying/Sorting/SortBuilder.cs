using System.Linq.Expressions;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Sorting;

/// <summary>
/// Turns an <c>order</c> argument (<c>[XSortInput!]</c>) into sort keys, in list order and field order,
/// nested objects included; the primary key is always the last key, so the order is total.
/// </summary>
public sealed class SortBuilder(QueryScope scope)
{
    /// <param name="entity">The sorted entity type.</param>
    /// <param name="element">The row parameter of the key selectors.</param>
    /// <param name="order">The coerced <c>order</c> value.</param>
    /// <param name="written">The <c>order</c> argument as written in the query, whose field order wins (GraphQL.NET coerces input objects into declaration order).</param>
    /// <param name="keyDescending">Without an order, by the key descending (a relation's default, e.g. newest first).</param>
    public List<SortKey> Build(IEntityGraphType entity, ParameterExpression element, object? order, GraphQLValue? written = null, bool keyDescending = false)
    {
        var keys = new List<SortKey>();
        var index = 0;
        foreach (var input in order as IEnumerable<object?> ?? [])
        {
            if (input is IDictionary<string, object?> fields)
            {
                var literal = WrittenItem(written, index);
                Add(entity, element, element, InWrittenOrder(fields, literal), keys);
            }

            index++;
        }

        keys.Add(new SortKey(Expression.Lambda(scope.Apply(entity.Key, element), element), Descending: keyDescending && keys.Count == 0));
        return keys;
    }

    /// <summary>The literal of the <paramref name="index"/>th item of an <c>order</c> list as written (a single object stands for a one-item list).</summary>
    internal static GraphQLValue? WrittenItem(GraphQLValue? written, int index) =>
        (written as GraphQLListValue)?.Values?.ElementAtOrDefault(index) ?? (index == 0 ? written : null);

    /// <summary>The fields in the order the query wrote them (as HotChocolate applies them), when written as a literal.</summary>
    internal static IEnumerable<KeyValuePair<string, object?>> InWrittenOrder(IDictionary<string, object?> fields, GraphQLValue? literal)
    {
        if (literal is not GraphQLObjectValue { Fields: { } written })
        {
            return fields;
        }

        var order = written.Select(f => f.Name.StringValue).ToList();
        return fields.OrderBy(f => order.IndexOf(f.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(f => f.Value is IDictionary<string, object?> nested && written.FirstOrDefault(w => w.Name.StringValue == f.Key)?.Value is { } value
                ? new KeyValuePair<string, object?>(f.Key, new OrderedFields(InWrittenOrder(nested, value)))
                : f);
    }

    private void Add(IEntityGraphType entity, ParameterExpression element, Expression target, IEnumerable<KeyValuePair<string, object?>> fields, List<SortKey> keys)
    {
        foreach (var (name, value) in fields)
        {
            var field = entity.QueryFields[name];
            scope.Use(entity, name, "order");
            var expression = scope.Apply(field.Expression, target);
            switch (value)
            {
                case SortDirection direction:
                    keys.Add(new SortKey(Expression.Lambda(expression, element), direction == SortDirection.Descending));
                    break;
                case OrderedFields nested:
                    Add(scope.Entity(field.TargetTypeName!), element, expression, nested.Fields, keys);
                    break;
                case IDictionary<string, object?> nested:
                    Add(scope.Entity(field.TargetTypeName!), element, expression, nested, keys);
                    break;
            }
        }
    }

    /// <summary>A nested sort object's fields in written order.</summary>
    internal sealed record OrderedFields(IEnumerable<KeyValuePair<string, object?>> Fields);
}
