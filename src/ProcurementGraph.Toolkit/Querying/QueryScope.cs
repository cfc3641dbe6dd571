using System.Collections;
using System.Linq.Expressions;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>What one root field's query needs: the request, the data source, the caller's row rules, the limits.</summary>
public sealed class QueryScope
{
    public QueryScope(IResolveFieldContext context)
    {
        var services = context.RequestServices ?? throw new InvalidOperationException("The request has no services.");
        Context = context;
        Source = ReadReplica.SourceFor(context, services);
        Rules = services.GetService<IRowRules>() ?? new NoRowRules();
        PageSizes = PageSizeRules.For(services);
        _access = services.GetService<IFieldAccess>();
    }

    private readonly IFieldAccess? _access;
    private readonly List<(IEntityGraphType Type, string Field, string Argument)> _used = [];
    private int _checked;

    public IResolveFieldContext Context { get; }

    public IQuerySource Source { get; }

    public IRowRules Rules { get; }

    /// <summary>The page sizes of every kind of paged field.</summary>
    public PageSizeRules PageSizes { get; }

    /// <summary>Notes a field a <c>where</c> or <c>order</c> reads; checked by <see cref="EnsureReadableAsync"/>.</summary>
    public void Use(IEntityGraphType type, string field, string argument) => _used.Add((type, field, argument));

    /// <summary>
    /// Refuses the request (the field is null, <c>AUTH_NOT_AUTHORIZED</c>) when a <c>where</c> or <c>order</c> reads a field
    /// the caller may not read: filtering or sorting on it would reveal it. Runs before each statement is sent.
    /// </summary>
    public async Task EnsureReadableAsync()
    {
        for (; _checked < _used.Count; _checked++)
        {
            var (type, field, argument) = _used[_checked];
            if (_access is not null && !await _access.CanReadAsync(Context.User ?? new ClaimsPrincipal(), type, type.GetField(field)!).ConfigureAwait(false))
            {
                var error = new FieldAuthorizationError();
                error.Data["argument"] = argument;
                error.Data["field"] = $"{type.Name}.{field}";
                throw error;
            }
        }
    }

    /// <summary>Whether the caller may read <paramref name="field"/> of <paramref name="type"/> (true when no field access is registered).</summary>
    public async ValueTask<bool> CanReadAsync(IComplexGraphType type, string field) =>
        _access is null || (type.GetField(field) is { } definition && await _access.CanReadAsync(Context.User ?? new ClaimsPrincipal(), type, definition).ConfigureAwait(false));

    public IEntityGraphType Entity(string typeName) =>
        Context.Schema.AllTypes[typeName] as IEntityGraphType
        ?? throw new InvalidOperationException($"{typeName} is not an entity graph type.");

    /// <summary>
    /// A field's expression applied to <paramref name="target"/>, with row rules on every list it reads and the request's
    /// query roots for <see cref="EntitySet.Of{T}"/>.
    /// </summary>
    public Expression Apply(LambdaExpression expression, Expression target) =>
        expression.Body is MemberExpression { Expression: ParameterExpression owner } column && owner == expression.Parameters[0]
        && (column.Type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(column.Type))
            ? Expression.MakeMemberAccess(target, column.Member) // a column of the row: no list to restrict, nothing to walk
            : new RuleApplier(this).Visit(ParameterReplacer.Apply(expression, target));

    /// <summary>The sequence restricted to the rows the caller may see.</summary>
    public Sequence Restrict(Sequence sequence) =>
        Rules.For(sequence.ElementType) is { } rule ? sequence.Where(rule) : sequence;

    /// <summary>The rule's test on one row (null when every row is visible).</summary>
    public Expression? RuleOn(Type entityType, Expression row) =>
        Rules.For(entityType) is { } rule ? ParameterReplacer.Apply(rule, row) : null;

    /// <summary>Wraps every navigation to a list of ruled entities in <c>.Where(rule)</c>; turns <see cref="EntitySet.Of{T}"/> into the restricted query root.</summary>
    private sealed class RuleApplier(QueryScope scope) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(EntitySet) && node.Method.Name == nameof(EntitySet.Of))
            {
                var entityType = node.Method.GetGenericArguments()[0];
                return scope.Restrict(new Sequence(scope.Source.Query(entityType).Expression, entityType, IsQueryable: true)).Source;
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            // list.Count (the property) over a list wrapped in Where(rule) below: count the visible rows with Count().
            if (node is { Member.Name: "Count", Expression: { } list } && list.Type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(list.Type)
                && Visit(list) is var visitedList && visitedList.Type != list.Type)
            {
                return LinqMethods.Call(typeof(Enumerable), nameof(Enumerable.Count), [Sequence.ElementOf(list.Type)], visitedList);
            }

            var visited = base.VisitMember(node);
            if (node.Type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(node.Type) || node.Expression is null or ConstantExpression)
            {
                return visited;
            }

            var element = Sequence.ElementOf(node.Type);
            return scope.Rules.For(element) is { } rule
                ? new Sequence(visited, element, IsQueryable: false).Where(rule).Source
                : visited;
        }
    }
}
