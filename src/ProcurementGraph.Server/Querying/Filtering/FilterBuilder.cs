using System.Globalization;
using System.Linq.Expressions;
using ProcurementGraph.Server.Querying.Expressions;
using ProcurementGraph.Server.Querying.Metadata;
using ProcurementGraph.Server.Relay;

namespace ProcurementGraph.Server.Querying.Filtering;

/// <summary>Turns a <c>where</c> argument (HotChocolate's filter inputs) into a predicate over an entity.</summary>
public sealed class FilterBuilder(QueryScope scope)
{
    /// <summary><c>entity =&gt; predicate</c>, or null when the filter is empty.</summary>
    public LambdaExpression? Lambda(IEntityGraphType entity, ParameterExpression parameter, object? where) =>
        where is IDictionary<string, object?> { Count: > 0 } filter
            ? Expression.Lambda(Build(entity, parameter, filter), parameter)
            : null;

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

    private static object DecodeId(string id, string typeName, Type keyType)
    {
        var type = Nullable.GetUnderlyingType(keyType) ?? keyType;
        try
        {
            if (GlobalId.TryDecode(id, out var idType, out var key) && idType == typeName)
            {
                return type == typeof(Guid) ? Guid.Parse(key) : Convert.ChangeType(key, type, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
        }

        throw FilterErrors.InvalidId(id, typeName);
    }

    private static string InputName(QueryField field) =>
        TypeNames.Operation(ScalarTypes.OperationPrefix(field.ValueType, EnumNames.Of));

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) =>
        (value as IEnumerable<object?> ?? []).OfType<IDictionary<string, object?>>();

    private static Expression Combine(IEnumerable<Expression> parts, Func<Expression, Expression, Expression> combine, bool empty) =>
        parts.DefaultIfEmpty(Expression.Constant(empty)).Aggregate(combine);
}
