using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Expressions;

/// <summary>
/// Builds LINQ operator calls over a sequence expression: <see cref="Queryable"/> at the root of a query,
/// <see cref="Enumerable"/> inside a projection (a correlated subquery), with the same code.
/// </summary>
public readonly record struct Sequence(Expression Source, Type ElementType, bool IsQueryable)
{
    private Type Operators => IsQueryable ? typeof(Queryable) : typeof(Enumerable);

    public Sequence Where(LambdaExpression predicate) => Call("Where", [ElementType], predicate);

    public Sequence OrderBy(LambdaExpression key, bool descending, bool first) =>
        Call((first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : string.Empty), [ElementType, key.ReturnType], key);

    public Sequence Take(Expression count) =>
        this with { Source = LinqMethods.Call(Operators, "Take", [ElementType], Source, count) };

    public Sequence Select(LambdaExpression selector) =>
        new(LinqMethods.Call(Operators, "Select", [ElementType, selector.ReturnType], Source, Lambda(selector)), selector.ReturnType, IsQueryable);

    public Expression Count() => LinqMethods.Call(Operators, "Count", [ElementType], Source);

    public Expression Any(LambdaExpression? predicate = null) => predicate is null
        ? LinqMethods.Call(Operators, "Any", [ElementType], Source)
        : LinqMethods.Call(Operators, "Any", [ElementType], Source, Lambda(predicate));

    public Expression All(LambdaExpression predicate) => LinqMethods.Call(Operators, "All", [ElementType], Source, Lambda(predicate));

    public Expression FirstOrDefault() => LinqMethods.Call(Operators, "FirstOrDefault", [ElementType], Source);

    public Expression ToList() => LinqMethods.Call(typeof(Enumerable), "ToList", [ElementType], Source);

    private Sequence Call(string method, Type[] typeArguments, LambdaExpression lambda) =>
        this with { Source = LinqMethods.Call(Operators, method, typeArguments, Source, Lambda(lambda)) };

    private Expression Lambda(LambdaExpression lambda) => IsQueryable ? Expression.Quote(lambda) : lambda;

    /// <summary>The element type of a sequence type (<c>IEnumerable&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c>, ...).</summary>
    public static Type ElementOf(Type sequenceType) => Elements.GetOrAdd(sequenceType, static type =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : type.GetInterfaces()
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .GetGenericArguments()[0]);

    // Looked up for every member access while rules are applied to a projection: GetGenericArguments and GetInterfaces copy
    // arrays on each call. The sequence types are the model's navigations, a fixed set.
    private static readonly ConcurrentDictionary<Type, Type> Elements = new();
}
