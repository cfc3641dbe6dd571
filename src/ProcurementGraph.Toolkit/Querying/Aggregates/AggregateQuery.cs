using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// Runs an aggregate root field: ONE statement for the page of groups — the list's row rules and <c>where</c>, <c>GROUP BY</c>
/// the keys, <c>HAVING</c>, the keyset seek and <c>ORDER BY</c> over keys and aggregates, the page size, and exactly the
/// selected aggregates — plus one for <c>totalCount</c> when selected and one per object key selected (its related rows,
/// by key, whatever the number of groups).
/// </summary>
public static class AggregateQuery
{
    public static async Task<AggregatePage> ConnectionAsync(IResolveFieldContext context, AggregateModel model)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        var scope = new QueryScope(context);
        var entity = scope.Entity(model.Name);
        var paging = scope.PageSizes.RootConnection.Read(context.Arguments,
            $"{context.ParentType.Name}.{context.FieldDefinition.Name}");
        var keys = (context.Arguments.ValueOf("groupBy") as IEnumerable<object?> ?? []).OfType<AggregateKeyModel>().Distinct().ToList();
        foreach (var key in keys)
        {
            AggregateSources.Use(scope, key.Sources, "groupBy");
        }

        var wanted = AggregateSelection.Of(context, (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType());
        var plan = default(Plan);
        if (model.Rollup is { } rollup && Covers(context, scope, model, rollup, keys))
        {
            try
            {
                var rows = new Sequence(scope.Source.Query(rollup.RowType).Expression, rollup.RowType, IsQueryable: true);
                plan = await PlanAsync(context, scope, new AggregateGrouping(scope, model, Expression.Parameter(rollup.RowType, "t"), keys, rollup), rows, wanted).ConfigureAwait(false);
            }
            catch (RollupNotCoveringException)
            {
                // A value or an order the rollup does not hold: the entities answer (nothing was sent yet).
            }
        }

        if (plan is null)
        {
            var element = Expression.Parameter(entity.EntityType, "x");
            var rows = EntityQuery.Filtered(scope, entity, element, context.Arguments.ValueOf("where"));
            plan = await PlanAsync(context, scope, new AggregateGrouping(scope, model, element, keys), rows, wanted).ConfigureAwait(false);
        }

        var (grouping, groups, having, sortKeys, layout, select) = plan;
        await scope.EnsureReadableAsync().ConfigureAwait(false);

        var empty = keys.Count == 0 ? new EmptyGroup(grouping, select, having) : null;
        int? totalCount = null;
        if (wanted.TotalCount)
        {
            var counted = await ExecuteAsync<int>(scope, entity, LinqMethods.Call(typeof(Queryable), nameof(Queryable.Count), [grouping.Group.Type], groups.Source), context.CancellationToken).ConfigureAwait(false);
            totalCount = counted == 0 && empty is not null && empty.Passes() ? 1 : counted;
        }

        if (paging.Window.Size == 0)
        {
            return AggregatePage.From([], totalCount, layout, paging.Window);
        }

        List<object?[]> loaded;
        if (sortKeys.Count == 0 && (paging.After ?? paging.Before) is { } cursor)
        {
            // One group of every row, in no order: its cursor is `[]`, and nothing comes after or before it.
            KeysetCursor.Decode(cursor, [], paging.After is null ? "before" : "after");
            loaded = [];
        }
        else
        {
            var page = Keyset.Order(Keyset.Seek(groups, sortKeys, grouping.Group, paging), sortKeys, paging.Window.Backward)
                .Take(QueryParameter.Of(paging.Window.Size + 1))
                .Select(select);
            var source = scope.Source.Query(entity.EntityType);
            loaded = await source.Provider.CreateQuery<object?[]>(page.Source).ToListAsync(context.CancellationToken).ConfigureAwait(false);
            if (loaded.Count == 0 && empty is not null && paging.After is null && paging.Before is null && empty.Passes())
            {
                loaded.Add(empty.Row());
            }
        }

        var result = AggregatePage.From(loaded, totalCount, layout, paging.Window);
        await LoadObjectsAsync(context, scope, model, wanted, layout, result).ConfigureAwait(false);
        return result;
    }

    /// <summary>The statement's parts over <paramref name="grouping"/>'s rows: groups, <c>having</c>, sort keys, the selected values.</summary>
    private static async Task<Plan> PlanAsync(IResolveFieldContext context, QueryScope scope, AggregateGrouping grouping, Sequence rows, AggregateSelection wanted)
    {
        var groups = grouping.Groups(rows);
        var having = new HavingBuilder(scope, grouping).Lambda(context.Arguments.ValueOf("having"));
        if (having is not null)
        {
            groups = groups.Where(having);
        }

        var sortKeys = new AggregateSortBuilder(scope, grouping).Build(context.Arguments.ValueOf("order"), EntityQuery.Written(context.FieldAst, "order"));
        var layout = new AggregateLayout(grouping.Model);
        var select = await SelectAsync(scope, grouping, wanted, sortKeys, layout).ConfigureAwait(false);
        return new Plan(grouping, groups, having, sortKeys, layout, select);
    }

    /// <summary>
    /// Whether <paramref name="rollup"/>'s rows may answer the request: it groups by some of the rollup's keys only, has no
    /// <c>where</c> and no <c>having</c>, and no row rule restricts the entities, the grouped related rows or the rollup rows
    /// for the caller (the rollup holds every row). The values and orders are checked while planning.
    /// </summary>
    private static bool Covers(IResolveFieldContext context, QueryScope scope, AggregateModel model, AggregateRollup rollup, List<AggregateKeyModel> keys) =>
        keys.Count > 0
        && keys.All(k => rollup.Keys.ContainsKey(k.Name))
        && context.Arguments.ValueOf("where") is null or IDictionary<string, object?> { Count: 0 }
        && context.Arguments.ValueOf("having") is null or IDictionary<string, object?> { Count: 0 }
        && scope.Rules.For(model.Entity.EntityType) is null
        && scope.Rules.For(rollup.RowType) is null
        && keys.Where(k => k.IsObject).All(k => scope.Rules.For(scope.Entity(k.TargetTypeName!).EntityType) is null);

    private sealed record Plan(
        AggregateGrouping Grouping, Sequence Groups, LambdaExpression? Having, List<SortKey> SortKeys, AggregateLayout Layout, LambdaExpression Select);

    /// <summary>
    /// <c>g =&gt; new object[] { keys..., count, the selected values the caller may read..., sort-key values }</c>; a value over a
    /// field the caller may not read is left out (its field is denied by the field rules, with the list's error).
    /// </summary>
    private static async Task<LambdaExpression> SelectAsync(
        QueryScope scope, AggregateGrouping grouping, AggregateSelection wanted, List<SortKey> sortKeys, AggregateLayout layout)
    {
        var values = new List<Expression>();
        foreach (var key in grouping.Keys)
        {
            layout.MapKey(key.Name, values.Count);
            values.Add(Box(grouping.Key(key)));
        }

        layout.CountSlot = values.Count;
        values.Add(Box(grouping.Count()));
        foreach (var (function, name) in wanted.Values)
        {
            if (await AggregateSources.CanReadAsync(scope, AggregateSources.Of(grouping.Model, function, name)).ConfigureAwait(false))
            {
                layout.MapValue(function, name, values.Count, AggregateSources.FromUnits(grouping.Model, function, name));
                values.Add(Box(AggregateSources.Value(grouping, function, name)));
            }
        }

        layout.CursorStart = values.Count;
        layout.CursorLength = sortKeys.Count;
        values.AddRange(sortKeys.Select(k => Box(ParameterReplacer.Apply(k.Selector, grouping.Group))));
        layout.Width = values.Count;
        return Expression.Lambda(Expression.NewArrayInit(typeof(object), values), grouping.Group);
    }

    /// <summary>The related rows of each selected object key, one statement per key for every group of the page.</summary>
    private static async Task LoadObjectsAsync(
        IResolveFieldContext context, QueryScope scope, AggregateModel model, AggregateSelection wanted, AggregateLayout layout, AggregatePage page)
    {
        foreach (var (name, selectionSets) in wanted.Objects)
        {
            if (layout.KeySlot(name) is not { } slot || model.Key(name) is not { IsObject: true } key)
            {
                continue;
            }

            var ids = page.Nodes.Select(group => group.Values[slot]).OfType<object>().Distinct().ToList();
            layout.SetObjects(name, await EntityQuery.ByKeysAsync(context, scope.Entity(key.TargetTypeName!), ids, selectionSets).ConfigureAwait(false));
        }
    }

    private static async Task<T> ExecuteAsync<T>(QueryScope scope, Metadata.IEntityGraphType entity, Expression query, CancellationToken cancellationToken)
    {
        var provider = (IAsyncQueryProvider)scope.Source.Query(entity.EntityType).Provider;
        return await provider.ExecuteAsync<Task<T>>(query, cancellationToken).ConfigureAwait(false);
    }

    private static Expression Box(Expression value) => value.Type == typeof(object) ? value : Expression.Convert(value, typeof(object));

    /// <summary>
    /// The one group of a request without keys when no row matches: SQL has no group then, but "all rows" is one group
    /// (count 0, sums 0, averages and extremes null), unless <c>having</c> refuses it. Its values are the same
    /// expressions evaluated in memory over an empty group.
    /// </summary>
    private sealed class EmptyGroup(AggregateGrouping grouping, LambdaExpression select, LambdaExpression? having)
    {
        private readonly object _group = Activator.CreateInstance(typeof(NoRows<,>).MakeGenericType(grouping.KeyType, grouping.Element.Type))!;

        public bool Passes() => having is null || (bool)having.Compile().DynamicInvoke(_group)!;

        public object?[] Row() => (object?[])select.Compile().DynamicInvoke(_group)!;
    }

    private sealed class NoRows<TKey, TElement> : IGrouping<TKey, TElement>
    {
        public TKey Key => default!;

        public IEnumerator<TElement> GetEnumerator() => Enumerable.Empty<TElement>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
