using System.Linq.Expressions;

namespace ProcurementGraph.Server.Querying.Expressions;

/// <summary>
/// Wraps a value in a closure-like member access so EF Core sends it as a SQL parameter
/// (and reuses one cached query plan) instead of inlining a literal.
/// </summary>
public static class QueryParameter
{
    public static Expression Of<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    /// <summary>The same for a value whose type is known only at run time.</summary>
    public static Expression Of(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(Box<object>.Value));
    }

    /// <summary><c>values.Contains(value)</c> over one list parameter of the value's type (SQL <c>IN</c>).</summary>
    public static MethodCallExpression Contains(IEnumerable<object?> values, Expression value)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(value.Type))!;
        foreach (var item in values)
        {
            list.Add(item);
        }

        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [value.Type], Of(list, list.GetType()), value);
    }

    private sealed record Box<T>(T Value);
}
