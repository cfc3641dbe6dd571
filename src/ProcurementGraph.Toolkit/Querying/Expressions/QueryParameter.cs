using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ProcurementGraph.Toolkit.Querying.Expressions;

/// <summary>
/// Wraps a value in a closure-like member access so EF Core sends it as a SQL parameter
/// (and reuses one cached query plan) instead of inlining a literal.
/// </summary>
public static class QueryParameter
{
    private static readonly ConcurrentDictionary<Type, Func<object?, Expression>> Factories = new();
    private static readonly ConcurrentDictionary<Type, Func<System.Collections.IList>> Lists = new();

    public static Expression Of<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), Box<T>.ValueProperty);

    /// <summary>The same for a value whose type is known only at run time (the generic factory is made once per type).</summary>
    public static Expression Of(object? value, Type type) => Factories.GetOrAdd(type, MakeFactory)(value);

    private static Func<object?, Expression> MakeFactory(Type type) =>
        typeof(QueryParameter).GetMethod(nameof(OfBoxed), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate<Func<object?, Expression>>();

    private static Expression OfBoxed<T>(object? value) => Of(value is null ? default! : (T)value);

    /// <summary>
    /// <c>values.Contains(value)</c> over one list parameter of the value's type (SQL <c>IN</c>); for a single value,
    /// <c>value == parameter</c>. EF Core expands a list parameter into one SQL parameter per item and then cannot cache
    /// the statement's SQL (it is generated again for every execution); an equality's SQL is generated once.
    /// </summary>
    public static Expression Contains(IEnumerable<object?> values, Expression value)
    {
        var items = values as IReadOnlyList<object?> ?? values.ToList();
        if (items.Count == 1)
        {
            return Expression.Equal(value, Of(items[0], value.Type));
        }

        var list = Lists.GetOrAdd(value.Type, static type => ListFactory(type))();
        foreach (var item in items)
        {
            list.Add(item);
        }

        return LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Contains), [value.Type], Of(list, list.GetType()), value);
    }

    private static Func<System.Collections.IList> ListFactory(Type type) =>
        Expression.Lambda<Func<System.Collections.IList>>(Expression.New(typeof(List<>).MakeGenericType(type))).Compile();

    /// <summary>
    /// A class, not a record: EF Core's funcletizer merges captured values whose expressions are equal into one SQL
    /// parameter, and two records of the same value are equal (a key of 1 under a limit of 1 would share one parameter).
    /// </summary>
    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;

        public static readonly PropertyInfo ValueProperty = typeof(Box<T>).GetProperty(nameof(Value))!;
    }
}
