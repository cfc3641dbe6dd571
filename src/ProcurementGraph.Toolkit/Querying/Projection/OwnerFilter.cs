using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>
/// Narrows a relation to the rows of the owners being loaded: <c>target.key IN (SELECT owner.key FROM owners)</c>.
/// A nested page is a window (<c>ROW_NUMBER() OVER (PARTITION BY owner)</c>) and a nested list a joined subquery; without
/// this filter the database numbers or materialises the whole related table, with it only the owners' rows.
/// </summary>
internal static class OwnerFilter
{
    /// <summary>
    /// The filter on <paramref name="target"/>'s rows reached through <paramref name="field"/> from <paramref name="owners"/>
    /// (a query of a superset of the owning rows); null when the owners are unknown or the field is neither a plain navigation
    /// nor a keyed relation (<see cref="QueryField.Join"/>).
    /// </summary>
    public static LambdaExpression? For(QueryScope scope, QueryField field, IEntityGraphType target, Expression? owners, ParameterExpression element)
    {
        if (owners is null)
        {
            return null;
        }

        var ownerRow = Expression.Parameter(field.Expression.Parameters[0].Type, "o");
        Expression ownerKey, targetKey;
        if (field.Join is { } keyed)
        {
            ownerKey = ParameterReplacer.Apply(keyed.OwnerKey, ownerRow);
            targetKey = ParameterReplacer.Apply(keyed.TargetKey, element);
        }
        else if (Navigation(scope, field, target) is { } join)
        {
            ownerKey = Expression.Property(ownerRow, join.OwnerKey);
            targetKey = Expression.Property(element, join.TargetKey);
        }
        else
        {
            return null;
        }

        if (ownerKey.Type != targetKey.Type)
        {
            var common = typeof(Nullable<>).MakeGenericType(Nullable.GetUnderlyingType(ownerKey.Type) ?? ownerKey.Type);
            ownerKey = Expression.Convert(ownerKey, common);
            targetKey = Expression.Convert(targetKey, common);
        }

        var keys = new Sequence(FreshParameters.Apply(owners), ownerRow.Type, IsQueryable: true).Select(Expression.Lambda(ownerKey, ownerRow));
        var contains = LinqMethods.Call(typeof(Queryable), nameof(Queryable.Contains), [ownerKey.Type], keys.Source, targetKey);
        return Expression.Lambda(contains, element);
    }

    /// <summary>The join of <paramref name="field"/> when it is a plain navigation (<c>x =&gt; x.Target</c> or <c>x =&gt; x.Targets</c>) to <paramref name="target"/>.</summary>
    public static NavigationJoin? Navigation(QueryScope scope, QueryField field, IEntityGraphType target) =>
        field.Expression.Body is MemberExpression { Expression: ParameterExpression owner, Member.Name: var navigation } body
        && owner == field.Expression.Parameters[0]
        && (body.Type == target.EntityType ? target.EntityType : ElementOrNull(body.Type)) == target.EntityType
            ? scope.Source.Join(owner.Type, navigation)
            : null;

    /// <summary>
    /// <c>target.key == owner.key</c> for one owning row <paramref name="owner"/> and one target row <paramref name="target"/>,
    /// the keys brought to one type.
    /// </summary>
    public static BinaryExpression KeysEqual(NavigationJoin join, Expression owner, Expression target)
    {
        Expression ownerKey = Expression.Property(owner, join.OwnerKey);
        Expression targetKey = Expression.Property(target, join.TargetKey);
        if (ownerKey.Type != targetKey.Type)
        {
            var common = typeof(Nullable<>).MakeGenericType(Nullable.GetUnderlyingType(ownerKey.Type) ?? ownerKey.Type);
            ownerKey = Expression.Convert(ownerKey, common);
            targetKey = Expression.Convert(targetKey, common);
        }

        return Expression.Equal(targetKey, ownerKey);
    }

    /// <summary>The owners of the next level: every <paramref name="target"/> row passing <paramref name="filter"/>.</summary>
    public static Expression? Targets(QueryScope scope, IEntityGraphType target, LambdaExpression? filter) =>
        filter is null ? null : new Sequence(scope.Source.Query(target.EntityType).Expression, target.EntityType, IsQueryable: true).Where(filter).Source;

    private static Type? ElementOrNull(Type type) =>
        type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? Sequence.ElementOf(type) : null;
}
