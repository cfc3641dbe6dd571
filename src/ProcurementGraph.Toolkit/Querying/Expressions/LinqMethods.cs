using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ProcurementGraph.Toolkit.Querying.Expressions;

/// <summary>
/// <c>Expression.Call(typeof(Queryable), "Where", ...)</c> without the by-name search: that scans every method of
/// <see cref="Queryable"/> or <see cref="Enumerable"/> on each call (a few µs and KB per operator, per request). The generic
/// definition found the first time is kept per operator shape, and each instantiation of it per type arguments (one or two:
/// <c>MakeGenericMethod</c> validates its arguments by reflection every time).
/// </summary>
public static class LinqMethods
{
    private static readonly ConcurrentDictionary<(Type Operators, string Name, int TypeArguments, int Arguments, int LambdaParameters, Type? Last), MethodInfo> Definitions = new();
    private static readonly ConcurrentDictionary<(MethodInfo Definition, Type First, Type? Second), MethodInfo> Instances = new();

    public static MethodCallExpression Call(Type operators, string name, Type[] typeArguments, params Expression[] arguments)
    {
        var last = arguments[^1];
        var lambda = (last is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : last) as LambdaExpression;
        var key = (operators, name, typeArguments.Length, arguments.Length, lambda?.Parameters.Count ?? -1, lambda is null && arguments.Length > 1 ? last.Type : null);
        if (!Definitions.TryGetValue(key, out var definition))
        {
            definition = Expression.Call(operators, name, typeArguments, arguments).Method.GetGenericMethodDefinition();
            Definitions.TryAdd(key, definition);
        }

        return Expression.Call(Instance(definition, typeArguments), arguments);
    }

    private static MethodInfo Instance(MethodInfo definition, Type[] typeArguments) => typeArguments.Length switch
    {
        1 => Instances.GetOrAdd((definition, typeArguments[0], null), static key => key.Definition.MakeGenericMethod(key.First)),
        2 => Instances.GetOrAdd((definition, typeArguments[0], typeArguments[1]), static key => key.Definition.MakeGenericMethod(key.First, key.Second!)),
        _ => definition.MakeGenericMethod(typeArguments),
    };
}
