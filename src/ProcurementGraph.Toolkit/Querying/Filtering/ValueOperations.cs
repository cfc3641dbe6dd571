using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Toolkit.Querying.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>The expressions of the scalar filter operations (declared in <see cref="FilterOperations"/>), with SQL parameters.</summary>
public static class ValueOperations
{
    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>
    /// The operation named <paramref name="operation"/> (<see cref="FilterOperations"/>) on <paramref name="value"/>;
    /// <paramref name="inputType"/> names the input for errors.
    /// </summary>
    public static Expression Build(string operation, Expression value, object? operand, string inputType)
    {
        if (!FilterOperations.TryGet(operation, out var declared))
        {
            throw new NotSupportedException($"Unknown filter operation `{operation}`.");
        }

        if (operand is null && !declared.AcceptsNull)
        {
            throw FilterErrors.NullNotSupported(operation, inputType);
        }

        return declared.Build(value, operand, inputType);
    }

    /// <summary>The operand as a SQL parameter of the value's type.</summary>
    public static Expression Parameter(Expression value, object? operand) => QueryParameter.Of(ConvertTo(operand, value.Type), value.Type);

    internal static Expression Range(ExpressionType comparison, Expression value, object? operand) =>
        Compare.Binary(comparison, value, Parameter(value, operand));

    internal static BinaryExpression Equal(Expression value, object? operand, string inputType, string operation)
    {
        if (operand is null)
        {
            return value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
                ? throw FilterErrors.NullNotSupported(operation, inputType)
                : Expression.Equal(value, Expression.Constant(null, value.Type));
        }

        return Expression.Equal(value, Parameter(value, operand));
    }

    internal static Expression In(Expression value, IEnumerable operands, string operation, string inputType)
    {
        var items = new List<object?>();
        foreach (var operand in operands)
        {
            if (operand is null && value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null)
            {
                throw FilterErrors.NullNotSupported(operation, inputType); // a null item for a non-null column
            }

            items.Add(ConvertTo(operand, value.Type));
        }

        return QueryParameter.Contains(items, value);
    }

    /// <summary>Case-insensitive on every provider: <c>LIKE</c> (SQLite folds ASCII case; SQL Server's CI collation folds all).</summary>
    internal static BinaryExpression Match(Expression value, string pattern) =>
        Expression.AndAlso(
            Expression.NotEqual(value, Expression.Constant(null, typeof(string))),
            Expression.Call(Like, Expression.Constant(EF.Functions), value, QueryParameter.Of(pattern), Expression.Constant("\\")));

    /// <summary>
    /// Longest operand of <c>contains</c>, <c>startsWith</c> and <c>endsWith</c> (escaped and wrapped in <c>%</c>, at most 2002
    /// characters): SQL Server's <c>LIKE</c> takes patterns up to 8000 bytes, SQLite's up to 50,000; a longer operand is
    /// <c>FILTER_VALUE_TOO_LONG</c>, not a SQL error.
    /// </summary>
    public const int MaxPatternLength = 1000;

    internal static string Escape(object? operand, string operation)
    {
        var text = (string)operand!;
        return text.Length > MaxPatternLength ? throw FilterErrors.ValueTooLong(operation, text.Length, MaxPatternLength) : Escape(text);
    }

    private static string Escape(string operand) =>
        operand.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);

    private static object? ConvertTo(object? operand, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return operand is null || operand.GetType() == target || operand is not IConvertible || target.IsEnum
            ? operand
            : Convert.ChangeType(operand, target, CultureInfo.InvariantCulture);
    }
}
