using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>
/// Turns a selection set into one <c>Select</c>: <c>new object[] { column, ..., related row, related list }</c> with
/// exactly the requested columns. Nested objects become joins, nested lists correlated subqueries with their own
/// <c>where</c>, <c>order</c> and page. Under a paged nested list, fields that read other tables wait for a batch
/// statement (<see cref="DeferredLoader"/>): SQLite cannot join inside a windowed subquery.
/// </summary>
public sealed class Projector(QueryScope scope)
{
    private readonly FilterBuilder _filters = new(scope);
    private readonly SortBuilder _sorts = new(scope);

    /// <summary>The row <paramref name="request"/> describes, with the cursor's key values when paged.</summary>
    public ProjectedRow Row(RowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (entity, element, fields) = request;
        var (paged, cursorKeys, includeKey, owners) = (request.Paged, request.CursorKeys, request.IncludeKey, request.Owners);
        var shape = new RowShape(entity);
        var values = new List<Expression>();
        var deferred = false;
        foreach (var selection in fields)
        {
            if (!entity.QueryFields.TryGetValue(selection.Definition.Name, out var field))
            {
                continue;
            }

            var slot = new Slot(values.Count, field);
            shape.Slots.Add(slot);
            shape.Map(selection.ResponseName, selection.Field, slot);
            if (paged && field.Kind == QueryFieldKind.Reference && LookUp(field, selection, element, slot) is { } lookedUp)
            {
                values.Add(lookedUp);
            }
            else if (paged && field.ReadsRelations)
            {
                slot.Deferred = selection;
                deferred = true;
                values.Add(Expression.Constant(null, typeof(object)));
            }
            else
            {
                values.Add(Box(Value(field, selection, element, slot, owners)));
            }
        }

        if (cursorKeys is not null)
        {
            shape.CursorStart = values.Count;
            shape.CursorLength = cursorKeys.Count;
            values.AddRange(cursorKeys.Select(key => Box(ParameterReplacer.Apply(key.Selector, element))));
        }

        if (deferred || includeKey)
        {
            shape.KeyIndex = values.Count;
            values.Add(Box(ParameterReplacer.Apply(entity.Key, element)));
        }
        else if (values.All(IsConstant))
        {
            // Only __typename selected, or only values known without reading (a reference the caller sees none of): such a
            // `new object[] { ... }` does not depend on the row, EF Core would evaluate it as a constant and refuse the
            // projection ("reference to a constant expression of 'object[]'"). Found by fuzzing.
            values.Add(Box(ParameterReplacer.Apply(entity.Key, element)));
        }

        shape.Width = values.Count;
        return new ProjectedRow(Expression.NewArrayInit(typeof(object), values), shape);
    }

    /// <summary>The expression loading one field's value; sets the slot's child shape and window for relations.</summary>
    public Expression Value(QueryField field, FieldSelection selection, Expression element, Slot slot, Expression? owners = null)
    {
        var value = scope.Apply(field.Read ?? field.Expression, element);
        return field.Kind switch
        {
            QueryFieldKind.Value => value,
            QueryFieldKind.Reference => Reference(field, selection, value, slot, owners),
            QueryFieldKind.List => List(field, selection, value, slot, owners),
            _ => Connection(field, selection, value, slot, owners),
        };
    }

    private Expression Reference(QueryField field, FieldSelection selection, Expression value, Slot slot, Expression? owners)
    {
        var target = scope.Entity(field.TargetTypeName!);
        var targets = OwnerFilter.Targets(scope, target, OwnerFilter.For(scope, field, target, owners, Expression.Parameter(target.EntityType, "t")));
        var (row, shape) = Row(new RowRequest(target, value, SelectionCollector.Collect(scope.Context, target, selection.SelectionSets)) { Owners = targets });
        slot.Child = shape;
        var visible = scope.RuleOn(target.EntityType, value);
        if (field.NullCheck)
        {
            var notNull = Expression.NotEqual(value, Expression.Constant(null, value.Type));
            visible = visible is null ? notNull : Expression.AndAlso(notNull, visible);
        }

        if (visible is ConstantExpression { Value: false })
        {
            // A rule of `false` (the caller sees no such rows): EF Core would fold the condition into a constant
            // `object[]` and refuse the projection. The reference is null without reading anything. Found by fuzzing.
            return Expression.Constant(null, typeof(object));
        }

        return visible is null ? row : Expression.Condition(visible, row, Expression.Constant(null, typeof(object?[])));
    }

    /// <summary>
    /// A reference under a paged nested list, read by key: one scalar subquery per selected column
    /// (<c>(SELECT t.Name FROM Targets t WHERE t.Id = x.TargetId)</c>). A join there would need APPLY, which SQLite lacks;
    /// null when the field is not a plain navigation (it then waits for a batch statement). Relations below it wait.
    /// </summary>
    private Expression? LookUp(QueryField field, FieldSelection selection, Expression element, Slot slot)
    {
        var target = scope.Entity(field.TargetTypeName!);
        if (OwnerFilter.Navigation(scope, field, target) is not { } join)
        {
            return null;
        }

        var row = Expression.Parameter(target.EntityType, "t");
        Expression match = OwnerFilter.KeysEqual(join, element, row);
        var rule = scope.RuleOn(target.EntityType, row);
        if (rule is not null)
        {
            match = Expression.AndAlso(match, rule);
        }

        var matches = new Sequence(scope.Source.Query(target.EntityType).Expression, target.EntityType, IsQueryable: true).Where(Expression.Lambda(match, row));
        var (values, shape) = Row(new RowRequest(target, row, SelectionCollector.Collect(scope.Context, target, selection.SelectionSets)) { Paged = true });
        slot.Child = shape;
        var waiting = shape.Slots.Where(s => s.Deferred is not null).Select(s => s.Index).ToHashSet();
        var columns = ((NewArrayExpression)values).Expressions.Select((value, i) =>
            waiting.Contains(i) ? value : matches.Select(Expression.Lambda(value, row)).FirstOrDefault());
        var found = Expression.NewArrayInit(typeof(object), columns);
        // A non-null reference to the principal of a required foreign key, hidden by no rule, always finds its row: no EXISTS per row.
        return rule is null && !field.NullCheck && join.TargetRequired
            ? found
            : Expression.Condition(matches.Any(), found, Expression.Constant(null, typeof(object[])));
    }

    private Expression List(QueryField field, FieldSelection selection, Expression value, Slot slot, Expression? owners)
    {
        var target = scope.Entity(field.TargetTypeName!);
        var arguments = selection.Arguments(scope.Context);
        var element = Expression.Parameter(target.EntityType, "x");
        var ownerFilter = OwnerFilter.For(scope, field, target, owners, element);
        var list = Filtered(target, value, element, arguments, ownerFilter);
        list = Keyset.Order(list, _sorts.Build(target, element, arguments.ValueOf("order"), EntityQuery.Written(selection.Field, "order")), reverse: false);
        var paging = scope.PageSizes.NestedList.Read(arguments, Coordinate(selection));
        var first = arguments.ValueOf("first") is int;
        if (first)
        {
            list = list.Take(QueryParameter.Of(paging.Window.Size));
        }

        var (row, shape) = Row(new RowRequest(target, element, SelectionCollector.Collect(scope.Context, target, selection.SelectionSets))
        {
            Paged = first,
            Owners = OwnerFilter.Targets(scope, target, ownerFilter),
        });
        slot.Child = shape;
        return list.Select(Expression.Lambda(row, element)).ToList();
    }

    private NewArrayExpression Connection(QueryField field, FieldSelection selection, Expression value, Slot slot, Expression? owners)
    {
        var target = scope.Entity(field.TargetTypeName!);
        var arguments = selection.Arguments(scope.Context);
        var paging = scope.PageSizes.NestedConnection.Read(arguments, Coordinate(selection));
        var element = Expression.Parameter(target.EntityType, "x");
        var filtered = Filtered(target, value, element, arguments, ownerFilter: null);
        var ownerFilter = OwnerFilter.For(scope, field, target, owners, element);
        var rowsOfOwners = ownerFilter is null ? filtered : filtered.Where(ownerFilter);
        var keys = _sorts.Build(target, element, arguments.ValueOf("order"), EntityQuery.Written(selection.Field, "order"), field.KeyDescending);
        var page = Keyset.Order(Keyset.Seek(rowsOfOwners, keys, element, paging), keys, paging.Window.Backward)
            .Take(QueryParameter.Of(paging.Window.Size + 1));
        var connectionType = (IComplexGraphType)selection.Definition.ResolvedType!.GetNamedType();
        var wanted = ConnectionSelection.Of(scope.Context, connectionType, target, selection.SelectionSets);
        var (row, shape) = Row(new RowRequest(target, element, wanted.NodeFields) { Paged = true, CursorKeys = keys });
        slot.Child = shape;
        slot.Window = paging.Window;
        Expression count = wanted.TotalCount
            ? Expression.Convert(filtered.Count(), typeof(int?))
            : Expression.Constant(null, typeof(int?));
        return Expression.NewArrayInit(typeof(object), page.Select(Expression.Lambda(row, element)).ToList(), Box(count));
    }

    /// <summary>The related list with the caller's rows only (the navigation carries the rule), the owners' rows only and the <c>where</c>.</summary>
    private Sequence Filtered(
        IEntityGraphType target, Expression value, ParameterExpression element, IDictionary<string, GraphQL.Execution.ArgumentValue> arguments, LambdaExpression? ownerFilter)
    {
        var list = new Sequence(value, target.EntityType, IsQueryable: false);
        list = _filters.Lambda(target, element, arguments.ValueOf("where")) is { } predicate ? list.Where(predicate) : list;
        return ownerFilter is null ? list : list.Where(ownerFilter);
    }

    private static string Coordinate(FieldSelection selection) => $"{selection.ParentTypeName}.{selection.Definition.Name}";

    private static bool IsConstant(Expression value) =>
        value is ConstantExpression || (value is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && IsConstant(operand));

    private static Expression Box(Expression value) => value.Type == typeof(object) ? value : Expression.Convert(value, typeof(object));
}
