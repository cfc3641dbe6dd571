using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// Runs a root field: one SQL statement for the page (filter, keyset seek, order, page size and projection),
/// one more for <c>totalCount</c> when it is selected, and one per level of batch-loaded relations.
/// </summary>
public static class EntityQuery
{
    private static readonly System.Reflection.MethodInfo FirstOrDefaultRow =
        new Func<IQueryable<object?[]>, object?[]?>(Queryable.FirstOrDefault).Method;

    /// <summary>A root connection over the entity type <paramref name="nodeTypeName"/>.</summary>
    public static async Task<Page> ConnectionAsync(IResolveFieldContext context, string nodeTypeName)
    {
        var scope = new QueryScope(context);
        var entity = scope.Entity(nodeTypeName);
        var paging = scope.PageSizes.RootConnection.Read(context.Arguments,
            $"{context.ParentType.Name}.{context.FieldDefinition.Name}");
        var element = Expression.Parameter(entity.EntityType, "x");
        var filtered = Filtered(scope, entity, element, context.Arguments.ValueOf("where"));
        var keys = new SortBuilder(scope).Build(entity, element, context.Arguments.ValueOf("order"), Written(context.FieldAst, "order"));
        var connectionType = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
        var wanted = ConnectionSelection.Of(context, connectionType, entity, [context.FieldAst.SelectionSet!]);
        await scope.EnsureReadableAsync().ConfigureAwait(false);
        int? totalCount = wanted.TotalCount ? await CountAsync(scope, filtered, context.CancellationToken).ConfigureAwait(false) : null;
        if (paging.Window.Size == 0)
        {
            return Page.From([], totalCount, new RowShape(entity), paging.Window);
        }

        var projector = new Projector(scope);
        var rowsOfPage = Keyset.Order(Keyset.Seek(filtered, keys, element, paging), keys, paging.Window.Backward)
            .Take(QueryParameter.Of(paging.Window.Size + 1));
        var (row, shape) = projector.Row(new RowRequest(entity, element, wanted.NodeFields) { CursorKeys = keys, Owners = rowsOfPage.Source });
        var page = rowsOfPage.Select(Expression.Lambda(row, element));
        var rows = await ToListAsync(scope, entity, page, projector, shape, context.CancellationToken).ConfigureAwait(false);
        return Page.From(rows, totalCount, shape, paging.Window);
    }

    /// <summary>The one row of <paramref name="typeName"/> matching <paramref name="predicate"/> (that the caller may see), or null.</summary>
    public static async Task<Row?> SingleAsync(IResolveFieldContext context, string typeName, LambdaExpression predicate)
    {
        var rows = await ManyAsync(context, typeName, predicate, limit: 1).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>The rows of <paramref name="typeName"/> matching <paramref name="predicate"/>, at most <paramref name="limit"/> (with the key loaded when asked).</summary>
    public static async Task<List<Row>> ManyAsync(IResolveFieldContext context, string typeName, LambdaExpression predicate, int limit, bool includeKey = false)
    {
        var scope = new QueryScope(context);
        var entity = scope.Entity(typeName);
        var element = predicate.Parameters[0];
        var fields = SelectionCollector.Collect(context, entity, [context.FieldAst.SelectionSet!]);
        var projector = new Projector(scope);
        // One row is read with FirstOrDefault, whose SQL says LIMIT 1: a Take is sent as LIMIT @p, and EF Core copies the
        // limited root into every projected collection's subquery, which SQLite then plans far worse (a scorecard's
        // statement ~550 µs against ~140 µs, bench/results/changes.md).
        var single = limit == 1;
        var matching = Root(scope, entity).Where(predicate);
        if (!single)
        {
            matching = matching.Take(QueryParameter.Of(limit));
        }

        var (row, shape) = projector.Row(new RowRequest(entity, element, fields) { IncludeKey = includeKey, Owners = matching.Source });
        var query = matching.Select(Expression.Lambda(row, element));
        var rows = await ToListAsync(scope, entity, query, projector, shape, context.CancellationToken, single).ConfigureAwait(false);
        return rows.ConvertAll(values => new Row(shape, values));
    }

    /// <summary>
    /// The rows of <paramref name="entity"/> (those the caller may see, and that <paramref name="filter"/> accepts when given)
    /// whose key is one of <paramref name="keys"/>, projected for the selection sets <paramref name="selectionSets"/> in one
    /// statement (plus one per level of batch-loaded relations), by key.
    /// </summary>
    public static async Task<Dictionary<object, Row>> ByKeysAsync(
        IResolveFieldContext context, IEntityGraphType entity, IReadOnlyCollection<object> keys, IEnumerable<GraphQLParser.AST.GraphQLSelectionSet> selectionSets,
        LambdaExpression? filter = null)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var scope = new QueryScope(context);
        var element = Expression.Parameter(entity.EntityType, "x");
        var matches = QueryParameter.Contains(keys, ParameterReplacer.Apply(entity.Key, element));
        if (filter is not null)
        {
            matches = Expression.AndAlso(matches, ParameterReplacer.Apply(filter, element));
        }

        var matching = Root(scope, entity).Where(Expression.Lambda(matches, element));
        var projector = new Projector(scope);
        var (row, shape) = projector.Row(new RowRequest(entity, element, SelectionCollector.Collect(context, entity, selectionSets)) { IncludeKey = true, Owners = matching.Source });
        var rows = await ToListAsync(scope, entity, matching.Select(Expression.Lambda(row, element)), projector, shape, context.CancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(values => values[shape.KeyIndex]!, values => new Row(shape, values));
    }

    /// <summary>The rows of <paramref name="entity"/> the caller may see, filtered by the <c>where</c> argument's value <paramref name="where"/>.</summary>
    public static Sequence Filtered(QueryScope scope, IEntityGraphType entity, ParameterExpression element, object? where)
    {
        var rows = Root(scope, entity);
        return new FilterBuilder(scope).Lambda(entity, element, where) is { } predicate ? rows.Where(predicate) : rows;
    }

    /// <summary>An argument's value as written in the query.</summary>
    public static GraphQLParser.AST.GraphQLValue? Written(GraphQLParser.AST.GraphQLField field, string argument) =>
        field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument)?.Value;

    private static Sequence Root(QueryScope scope, IEntityGraphType entity) =>
        scope.Restrict(new Sequence(scope.Source.Query(entity.EntityType).Expression, entity.EntityType, IsQueryable: true));

    private static Task<int> CountAsync(QueryScope scope, Sequence filtered, CancellationToken cancellationToken)
    {
        var provider = (IAsyncQueryProvider)scope.Source.Query(filtered.ElementType).Provider;
        return provider.ExecuteAsync<Task<int>>(filtered.Count(), cancellationToken);
    }

    private static async Task<List<object?[]>> ToListAsync(
        QueryScope scope, IEntityGraphType entity, Sequence query, Projector projector, RowShape shape, CancellationToken cancellationToken,
        bool single = false)
    {
        await scope.EnsureReadableAsync().ConfigureAwait(false);
        var source = scope.Source.Query(entity.EntityType);
        var statement = source.Provider.CreateQuery<object?[]>(query.Source);
        List<object?[]> rows;
        if (single)
        {
            // FirstOrDefaultAsync's own expression, with the closed method made once (EF Core's extension closes it per call).
            var first = Expression.Call(null, FirstOrDefaultRow, statement.Expression);
            rows = await ((IAsyncQueryProvider)statement.Provider).ExecuteAsync<Task<object?[]?>>(first, cancellationToken).ConfigureAwait(false) is { } one ? [one] : [];
        }
        else
        {
            rows = await statement.ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        await new DeferredLoader(scope, projector).LoadAsync(rows, shape, cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
