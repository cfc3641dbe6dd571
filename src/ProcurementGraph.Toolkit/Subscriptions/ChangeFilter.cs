using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// Decides a subscriber's own filter (its arguments) on the change itself where it can, before any read: the parts of the
/// filter that compare a property of the entity with a value (<c>x.SupplierId == 42</c>, joined by <c>&amp;&amp;</c>) are
/// checked against the values the write committed (<see cref="EntityChange.Fields"/>). A change that contradicts one is no
/// event for the subscriber and costs no statement; anything the change does not tell (an unchanged property, another kind of
/// condition) is left to the read, which applies the whole filter with the row rules.
/// </summary>
internal static class ChangeFilter
{
    /// <summary>A check of changes against <paramref name="filter"/>: false only when the change cannot match it; null when nothing can be checked.</summary>
    public static Func<EntityChange, bool>? From(LambdaExpression? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var parameter = filter.Parameters[0];
        var conditions = new List<(string Field, Type Type, object? Value)>();
        var never = false;
        Collect(filter.Body, parameter, conditions, ref never);
        if (never)
        {
            return static _ => false;
        }

        if (conditions.Count == 0)
        {
            return null;
        }

        var checks = conditions.ToArray();
        return change =>
        {
            if (change.Kind == Mutations.ChangeKind.Deleted)
            {
                return true; // a delete carries the values before; the read decides
            }

            foreach (var (field, type, value) in checks)
            {
                if (change.Fields.TryGetValue(field, out var committed) && TryNormalize(committed.After, type, out var after) && !Equals(after, value))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static void Collect(Expression body, ParameterExpression parameter, List<(string, Type, object?)> conditions, ref bool never)
    {
        switch (body)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                Collect(and.Left, parameter, conditions, ref never);
                Collect(and.Right, parameter, conditions, ref never);
                break;
            case ConstantExpression { Value: false }:
                never = true;
                break;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal:
                var (property, side) = PropertyOf(equal.Left, parameter) is { } left ? (left, equal.Right) : (PropertyOf(equal.Right, parameter), equal.Left);
                if (property is not null && ValueOf(side, out var value) && TryNormalize(value, Underlying(property.PropertyType), out var normalized))
                {
                    conditions.Add((Mutations.ChangeCollector.CamelCase(property.Name), Underlying(property.PropertyType), normalized));
                }

                break;
        }
    }

    /// <summary><c>x.Property</c> (through conversions) on the filter's own parameter.</summary>
    private static PropertyInfo? PropertyOf(Expression expression, ParameterExpression parameter)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            expression = convert.Operand;
        }

        return expression is MemberExpression { Member: PropertyInfo property } member && member.Expression == parameter ? property : null;
    }

    /// <summary>A constant, or a property of a constant (a captured value or a query parameter).</summary>
    private static bool ValueOf(Expression expression, out object? value)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            expression = convert.Operand;
        }

        switch (expression)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Expression: ConstantExpression holder, Member: PropertyInfo property }:
                value = property.GetValue(holder.Value);
                return true;
            case MemberExpression { Expression: ConstantExpression holder, Member: FieldInfo field }:
                value = field.GetValue(holder.Value);
                return true;
            default:
                value = null;
                return false;
        }
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>The value as the property's type (a backplane may deliver it as JSON); false when it cannot be compared.</summary>
    private static bool TryNormalize(object? value, Type type, out object? normalized)
    {
        try
        {
            normalized = value switch
            {
                null or JsonElement { ValueKind: JsonValueKind.Null } => null,
                JsonElement json => json.Deserialize(type),
                _ when value.GetType() == type => value,
                string text when type.IsEnum => Enum.Parse(type, text, ignoreCase: true),
                _ when type.IsEnum => Enum.ToObject(type, value),
                IConvertible when typeof(IConvertible).IsAssignableFrom(type) => Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
                _ => throw new InvalidCastException(),
            };
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or JsonException or ArgumentException or NotSupportedException)
        {
            normalized = null;
            return false;
        }
    }
}
