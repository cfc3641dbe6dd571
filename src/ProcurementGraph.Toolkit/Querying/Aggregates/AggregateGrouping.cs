using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using ProcurementGraph.Toolkit.Querying.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// One request's grouping: <c>rows.GroupBy(x =&gt; new GroupKey { K1 = key1(x), ... })</c> and the expressions over a group
/// <c>g</c> that EF Core translates into the same statement's <c>SELECT</c>, <c>HAVING</c> and <c>ORDER BY</c>: keys
/// (<c>g.Key.K1</c>), <c>COUNT(*)</c>, <c>SUM</c>/<c>AVG</c>/<c>MIN</c>/<c>MAX</c> over a measure, <c>COUNT(DISTINCT key)</c>.
/// Over a rollup's rows (<see cref="AggregateRollup"/>) the keys are its columns, the count <c>SUM(count)</c>, a sum
/// <c>SUM(sum)</c> and an average their quotient; anything else throws <see cref="RollupNotCoveringException"/>.
/// </summary>
internal sealed class AggregateGrouping
{
    private static readonly ConcurrentDictionary<(string Name, Type Element, Type Result), MethodInfo> Aggregates = new();

    private readonly QueryScope _scope;
    private readonly Dictionary<string, Expression> _keyValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _grouped = new(StringComparer.Ordinal);

    public AggregateGrouping(QueryScope scope, AggregateModel model, ParameterExpression element, IReadOnlyList<AggregateKeyModel> keys, AggregateRollup? rollup = null)
    {
        _scope = scope;
        Rollup = rollup;
        Model = model;
        Element = element;
        Keys = keys;
        for (var i = 0; i < keys.Count; i++)
        {
            _grouped[keys[i].Name] = i;
        }

        KeyType = keys.Count == 0 ? typeof(int) : GroupKey.For([.. keys.Select(k => KeyValue(k).Type)]);
        Group = Expression.Parameter(typeof(IGrouping<,>).MakeGenericType(KeyType, element.Type), "g");
    }

    public AggregateModel Model { get; }

    /// <summary>The rollup whose rows <see cref="Element"/> ranges over, or null for the entities.</summary>
    public AggregateRollup? Rollup { get; }

    /// <summary>The row parameter (of the entity type) of the key and value selectors.</summary>
    public ParameterExpression Element { get; }

    /// <summary>The keys grouped by, in <c>groupBy</c> order.</summary>
    public IReadOnlyList<AggregateKeyModel> Keys { get; }

    public Type KeyType { get; }

    /// <summary>The group parameter (<c>IGrouping&lt;GroupKey, TEntity&gt;</c>) of every expression over a group.</summary>
    public ParameterExpression Group { get; }

    public bool IsGrouped(AggregateKeyModel key) => _grouped.ContainsKey(key.Name);

    /// <summary><c>rows.GroupBy(key selector)</c>; with no keys one constant key, so every row is in one group.</summary>
    public Sequence Groups(Sequence rows)
    {
        Expression body = Keys.Count == 0
            ? Expression.Constant(1)
            : Expression.MemberInit(Expression.New(KeyType), Keys.Select((key, i) => Expression.Bind(KeyType.GetProperty(GroupKey.Member(i))!, KeyValue(key))));
        var selector = Expression.Lambda(body, Element);
        return new Sequence(LinqMethods.Call(typeof(Queryable), nameof(Queryable.GroupBy), [Element.Type, KeyType], rows.Source, Expression.Quote(selector)), Group.Type, IsQueryable: true);
    }

    /// <summary>A grouped key's value: <c>g.Key.K{n}</c>.</summary>
    public Expression Key(AggregateKeyModel key) =>
        Expression.Property(Expression.Property(Group, nameof(IGrouping<int, int>.Key)), GroupKey.Member(_grouped[key.Name]));

    public Expression Count() => Rollup is { } rollup
        ? Expression.Call(Aggregate(nameof(Enumerable.Sum), Element.Type, typeof(int)), Group, rollup.Count)
        : LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Count), [Element.Type], Group);

    /// <summary><c>COUNT(DISTINCT key)</c>: the distinct non-null values of <paramref name="key"/> among the group's rows.</summary>
    public Expression CountDistinct(AggregateKeyModel key)
    {
        if (Rollup is not null)
        {
            throw new RollupNotCoveringException("countDistinct");
        }

        var value = KeyValue(key);
        Expression rows = Group;
        if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null)
        {
            rows = LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Where), [Element.Type], rows,
                Expression.Lambda(Expression.NotEqual(value, Expression.Constant(null, value.Type)), Element));
        }

        var values = LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Select), [Element.Type, value.Type], rows, Expression.Lambda(value, Element));
        var distinct = LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Distinct), [value.Type], values);
        return LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Count), [value.Type], distinct);
    }

    /// <summary>
    /// <paramref name="function"/> over <paramref name="measure"/>: <c>SUM</c> (of whole numbers as 64-bit), <c>AVG</c> in floating
    /// point, <c>MIN</c>/<c>MAX</c>; averages and extremes are nullable (null when every value is null), sums are 0 then.
    /// </summary>
    /// <remarks>
    /// A measure with units (<see cref="AggregateMeasureModel.Units"/>) is aggregated over them unless
    /// <paramref name="overUnits"/> is false: whole-number sums and extremes, a floating-point average, in units (the caller
    /// scales them back with <see cref="AggregateMeasureModel.FromUnits"/>); ordered the same as the field's own aggregates.
    /// </remarks>
    public Expression Value(AggregateFunction function, AggregateMeasureModel measure, bool overUnits = true)
    {
        if (Rollup is { } rollup)
        {
            return RollupValue(rollup, function, measure, overUnits);
        }

        if (overUnits && measure.Units is { } units)
        {
            return UnitsValue(function, ParameterReplacer.Apply(units, Element));
        }

        var value = _scope.Apply(measure.Field.Expression, Element);
        var nullable = Nullable.GetUnderlyingType(value.Type) is not null;
        var result = measure.ResultType(function);
        if (function is AggregateFunction.Avg or AggregateFunction.Min or AggregateFunction.Max || nullable)
        {
            result = typeof(Nullable<>).MakeGenericType(result);
        }

        var selector = Expression.Lambda(value.Type == result ? value : Expression.Convert(value, result), Element);
        var name = function switch
        {
            AggregateFunction.Sum => nameof(Enumerable.Sum),
            AggregateFunction.Avg => nameof(Enumerable.Average),
            AggregateFunction.Min => nameof(Enumerable.Min),
            AggregateFunction.Max => nameof(Enumerable.Max),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Not a function of a measure."),
        };
        return Expression.Call(Aggregate(name, Element.Type, result), Group, selector);
    }

    /// <summary>A sum of units as the rollup's column sum; an average as Σ units / Σ count in floating point (null: no group is empty).</summary>
    private Expression RollupValue(AggregateRollup rollup, AggregateFunction function, AggregateMeasureModel measure, bool overUnits)
    {
        if (!overUnits || function is not (AggregateFunction.Sum or AggregateFunction.Avg) || !rollup.Sums.TryGetValue(measure.Name, out var column))
        {
            throw new RollupNotCoveringException($"{function} of {measure.Name}");
        }

        var sum = Expression.Call(Aggregate(nameof(Enumerable.Sum), Element.Type, typeof(long)), Group, column);
        return function == AggregateFunction.Sum
            ? sum
            : Expression.Convert(Expression.Divide(Expression.Convert(sum, typeof(double)), Expression.Convert(Count(), typeof(double))), typeof(double?));
    }

    private MethodCallExpression UnitsValue(AggregateFunction function, Expression units)
    {
        var (name, result) = function switch
        {
            AggregateFunction.Sum => (nameof(Enumerable.Sum), typeof(long)),
            AggregateFunction.Avg => (nameof(Enumerable.Average), typeof(double?)),
            AggregateFunction.Min => (nameof(Enumerable.Min), typeof(long?)),
            AggregateFunction.Max => (nameof(Enumerable.Max), typeof(long?)),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Not a function of a measure."),
        };
        var selector = Expression.Lambda(units.Type == result ? units : Expression.Convert(units, result), Element);
        return Expression.Call(Aggregate(name, Element.Type, result), Group, selector);
    }

    private Expression KeyValue(AggregateKeyModel key)
    {
        if (!_keyValues.TryGetValue(key.Name, out var value))
        {
            if (Rollup is { } rollup)
            {
                value = rollup.Keys.TryGetValue(key.Name, out var column) ? ParameterReplacer.Apply(column, Element) : throw new RollupNotCoveringException(key.Name);
            }
            else
            {
                value = key.Build(_scope, Element);
            }

            _keyValues[key.Name] = value;
        }

        return value;
    }

    /// <summary><c>Enumerable.{name}&lt;T&gt;(IEnumerable&lt;T&gt;, Func&lt;T, result&gt;)</c>: the overload by the selector's result type.</summary>
    private static MethodInfo Aggregate(string name, Type element, Type result) =>
        Aggregates.GetOrAdd((name, element, result), static key => typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == key.Name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1
                && m.GetParameters() is [_, { ParameterType: { IsGenericType: true } selector }]
                && selector.GetGenericTypeDefinition() == typeof(Func<,>) && selector.GetGenericArguments()[1] == key.Result)
            .MakeGenericMethod(key.Element));
}
