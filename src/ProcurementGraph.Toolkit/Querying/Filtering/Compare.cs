using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>
/// "Strictly beyond" in a sort direction, as SQL orders: ascending puts NULL first, descending last
/// (SQLite and SQL Server agree). Shared by range filters and keyset cursors.
/// </summary>
public static class Compare
{
    /// <summary><paramref name="value"/> comes strictly after <paramref name="bound"/> in the given direction.</summary>
    public static Expression Beyond(Expression value, Expression bound, bool descending)
    {
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (type == typeof(bool))
        {
            // false < true: ascending, only true is beyond false; descending, only false is beyond true.
            return Expression.AndAlso(
                Expression.Equal(bound, Expression.Constant(descending, bound.Type)),
                Expression.Equal(value, Expression.Constant(!descending, value.Type)));
        }

        return Binary(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, value, bound);
    }

    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>, for numbers, dates, enums (by ordinal) and strings.</summary>
    public static Expression Binary(ExpressionType comparison, Expression value, Expression bound)
    {
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        var (left, right) = Comparable(value, bound, type);
        if (type == typeof(string))
        {
            left = Expression.Call(StringCompare, left, right);
            right = Expression.Constant(0);
        }

        return Expression.MakeBinary(comparison, left, right);
    }

    /// <summary>Keyset form: like <see cref="Beyond"/>, with NULL values placed as SQL places them.</summary>
    public static Expression BeyondWithNulls(Expression value, object? bound, Expression boundParameter, bool descending)
    {
        var nullable = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
        var isNull = nullable ? Expression.Equal(value, Expression.Constant(null, value.Type)) : null;
        if (bound is null)
        {
            // NULL is first ascending: every non-null value is beyond it; descending NULL is last: nothing is.
            return descending || isNull is null ? Expression.Constant(false) : Expression.Not(isNull);
        }

        var beyond = Beyond(value, boundParameter, descending);
        return descending && isNull is not null ? Expression.OrElse(beyond, isNull) : beyond;
    }

    /// <summary>Equal to the bound, NULL equal to NULL.</summary>
    public static Expression Same(Expression value, object? bound, Expression boundParameter) =>
        bound is null ? Expression.Equal(value, Expression.Constant(null, value.Type)) : Expression.Equal(value, boundParameter);

    private static (Expression Left, Expression Right) Comparable(Expression value, Expression bound, Type type)
    {
        if (!type.IsEnum)
        {
            return (value, bound);
        }

        var underlying = Enum.GetUnderlyingType(type);
        var target = value.Type == type ? underlying : typeof(Nullable<>).MakeGenericType(underlying);
        return (Expression.Convert(value, target), Expression.Convert(bound, target));
    }
}
