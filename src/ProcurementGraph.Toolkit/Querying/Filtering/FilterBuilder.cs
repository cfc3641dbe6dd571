using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>Turns a <c>where</c> argument (HotChocolate's filter inputs) into a predicate over an entity.</summary>
public sealed class FilterBuilder(QueryScope scope)
{
    /// <summary>
    /// Most input fields and list values one <c>where</c> argument may hold (every field of every nested filter object
    /// counts, and every value of an <c>in</c>/<c>nin</c> list). Keeps the SQL within the providers' limits: SQLite refuses
    /// expressions deeper than 1000 (an <c>or</c> of n filters is n deep) and more than 32,766 parameters, SQL Server takes
    /// at most 2100 parameters.
    /// </summary>
    public const int MaxFilterFields = 1000;

    /// <summary><c>entity =&gt; predicate</c>, or null when the filter is empty.</summary>
    public LambdaExpression? Lambda(IEntityGraphType entity, ParameterExpression parameter, object? where)
    {
        if (where is not IDictionary<string, object?> { Count: > 0 } filter)
        {
            return null;
        }

        CheckSize(filter);
        return Expression.Lambda(Build(entity, parameter, filter), parameter);
    }

    /// <summary>Refuses a filter with more than <see cref="MaxFilterFields"/> input fields and list values (<c>FILTER_TOO_LARGE</c>).</summary>
    internal static void CheckSize(IDictionary<string, object?> filter)
    {
        var fields = 0;
        if (!CountFields(filter, ref fields))
        {
            throw FilterErrors.TooLarge(MaxFilterFields);
        }
    }

    /// <summary>Counts the fields and list values of <paramref name="value"/>; false once more than <see cref="MaxFilterFields"/>.</summary>
    private static bool CountFields(object? value, ref int fields)
    {
        switch (value)
        {
            case IDictionary<string, object?> filter:
                foreach (var (_, item) in filter)
                {
                    if (++fields > MaxFilterFields || !CountFields(item, ref fields))
                    {
                        return false;
                    }
                }

                return true;
            case IEnumerable<object?> items when value is not string:
                foreach (var item in items)
                {
                    if (item is IDictionary<string, object?> ? !CountFields(item, ref fields) : ++fields > MaxFilterFields)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    public Expression Build(IEntityGraphType entity, Expression target, IDictionary<string, object?> filter)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            switch (name)
            {
                case "and":
                    parts.Add(Combine(Items(value).Select(f => Build(entity, target, f)), Expression.AndAlso, true));
                    break;
                case "or":
                    parts.Add(Combine(Items(value).Select(f => Build(entity, target, f)), Expression.OrElse, false));
                    break;
                default:
                    if (value is not null)
                    {
                        scope.Use(entity, name, "where");
                        parts.Add(Field(entity.QueryFields[name], target, (IDictionary<string, object?>)value));
                    }

                    break;
            }
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    private Expression Field(QueryField field, Expression target, IDictionary<string, object?> operations)
    {
        var value = scope.Apply(field.Expression, target);
        return field.Kind switch
        {
            QueryFieldKind.Value when field.IsGlobalId => Operations(value, Decode(operations, field.TargetTypeName!, value.Type), TypeNames.IdOperation),
            QueryFieldKind.Value => Operations(value, operations, InputName(field)),
            QueryFieldKind.Reference => Reference(field, value, operations),
            _ => List(field, value, operations),
        };
    }

    private Expression Reference(QueryField field, Expression value, IDictionary<string, object?> operations)
    {
        var target = scope.Entity(field.TargetTypeName!);
        var test = Build(target, value, operations);
        if (scope.RuleOn(target.EntityType, value) is { } rule)
        {
            test = Expression.AndAlso(rule, test);
        }

        return field.NullCheck ? Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, value.Type)), test) : test;
    }

    private Expression List(QueryField field, Expression value, IDictionary<string, object?> operations)
    {
        var target = scope.Entity(field.TargetTypeName!);
        var list = new Sequence(value, target.EntityType, IsQueryable: false);
        var parts = new List<Expression>();
        foreach (var (operation, operand) in operations)
        {
            if (operand is null)
            {
                throw FilterErrors.NullNotSupported(operation, TypeNames.ListFilter(target.Name));
            }

            var element = Expression.Parameter(target.EntityType, "x");
            LambdaExpression Predicate() => Expression.Lambda(Build(target, element, (IDictionary<string, object?>)operand), element);
            parts.Add(operation switch
            {
                "some" => list.Any(Predicate()),
                "all" => list.All(Predicate()),
                "none" => Expression.Not(list.Any(Predicate())),
                _ => (bool)operand ? list.Any() : Expression.Not(list.Any()),
            });
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    private static Expression Operations(Expression value, IDictionary<string, object?> operations, string inputType)
    {
        var parts = new List<Expression>();
        foreach (var (operation, operand) in operations)
        {
            parts.Add(operation switch
            {
                "and" => Combine(Items(operand).Select(o => Operations(value, o, inputType)), Expression.AndAlso, true),
                "or" => Combine(Items(operand).Select(o => Operations(value, o, inputType)), Expression.OrElse, false),
                _ => ValueOperations.Build(operation, value, operand, inputType),
            });
        }

        return Combine(parts, Expression.AndAlso, true);
    }

    /// <summary>Global IDs → keys; an ID of another type or a malformed one is an error.</summary>
    private static Dictionary<string, object?> Decode(IDictionary<string, object?> operations, string typeName, Type keyType) =>
        operations.ToDictionary(o => o.Key, o => o.Value switch
        {
            null => null,
            string id => DecodeId(id, typeName, keyType),
            IEnumerable<object?> ids => ids.Select(id => id is string text ? DecodeId(text, typeName, keyType) : null).ToList(),
            var other => other,
        });

    private static object DecodeId(string id, string typeName, Type keyType) =>
        GlobalId.TryDecode(id, out var idType, out var key) && idType == typeName && GlobalId.TryParseKey(key, keyType, out var value)
            ? value!
            : throw FilterErrors.InvalidId(id, typeName);

    private static string InputName(QueryField field) =>
        TypeNames.Operation(ScalarTypes.OperationPrefix(field.ValueType, EnumNames.Of));

    internal static IEnumerable<IDictionary<string, object?>> Items(object? value) =>
        (value as IEnumerable<object?> ?? []).OfType<IDictionary<string, object?>>();

    /// <summary>
    /// Joins the parts left to right (<c>((a AND b) AND c)</c>, the SQL everyone reads); long lists (an <c>or</c> of
    /// thousands of filters) are joined as a balanced tree of such chains, so the expression stays shallow enough for
    /// EF Core's recursive visitors (a chain of 10,000 overflowed the stack and ended the process).
    /// </summary>
    internal static Expression Combine(IEnumerable<Expression> parts, Func<Expression, Expression, Expression> combine, bool empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? Expression.Constant(empty) : Combine(list, 0, list.Count, combine);
    }

    private const int MaxChain = 32;

    private static Expression Combine(List<Expression> parts, int start, int count, Func<Expression, Expression, Expression> combine)
    {
        if (count <= MaxChain)
        {
            var result = parts[start];
            for (var i = start + 1; i < start + count; i++)
            {
                result = combine(result, parts[i]);
            }

            return result;
        }

        var half = count / 2;
        return combine(Combine(parts, start, half, combine), Combine(parts, start + half, count - half, combine));
    }
}
