using System.Linq.Expressions;
using ProcurementGraph.Server.Querying.Expressions;
using ProcurementGraph.Server.Querying.Metadata;

namespace ProcurementGraph.Server.Querying.Projection;

/// <summary>
/// Narrows a relation to the rows of the owners being loaded: <c>target.key IN (SELECT owner.key FROM owners)</c>.
/// A nested page is a window (<c>ROW_NUMBER() OVER (PARTITION BY owner)</c>) and a nested list a joined subquery; without
/// this filter the database numbers or materialises the whole related table, with it only the owners' rows.
/// </summary>
internal static class OwnerFilter
{
    /// <summary>
    /// The filter on <paramref name="target"/>'s rows reached through <paramref name="field"/> from <paramref name="owners"/>
    /// (a query of a superset of the owning rows); null when the owners are unknown or the field is not a plain navigation.
    /// </summary>
    public static LambdaExpression? For(QueryScope scope, QueryField field, IEntityGraphType target, Expression? owners, ParameterExpression element)
    {
        if (owners is null
            || field.Expression.Body is not MemberExpression { Expression: ParameterExpression owner, Member.Name: var navigation } body
            || owner != field.Expression.Parameters[0]
            || (body.Type == target.EntityType ? target.EntityType : ElementOrNull(body.Type)) != target.EntityType
            || scope.Source.Join(owner.Type, navigation) is not { } join)
        {
            return null;
        }

        var ownerRow = Expression.Parameter(owner.Type, "o");
        Expression ownerKey = Expression.Property(ownerRow, join.OwnerKey);
        Expression targetKey = Expression.Property(element, join.TargetKey);
        if (ownerKey.Type != targetKey.Type)
        {
            var common = typeof(Nullable<>).MakeGenericType(Nullable.GetUnderlyingType(ownerKey.Type) ?? ownerKey.Type);
            ownerKey = Expression.Convert(ownerKey, common);
            targetKey = Expression.Convert(targetKey, common);
        }

        var keys = new Sequence(FreshParameters.Apply(owners), owner.Type, IsQueryable: true).Select(Expression.Lambda(ownerKey, ownerRow));
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [ownerKey.Type], keys.Source, targetKey);
        return Expression.Lambda(contains, element);
    }

    /// <summary>The owners of the next level: every <paramref name="target"/> row passing <paramref name="filter"/>.</summary>
    public static Expression? Targets(QueryScope scope, IEntityGraphType target, LambdaExpression? filter) =>
        filter is null ? null : new Sequence(scope.Source.Query(target.EntityType).Expression, target.EntityType, IsQueryable: true).Where(filter).Source;

    private static Type? ElementOrNull(Type type) =>
        type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? Sequence.ElementOf(type) : null;
}
