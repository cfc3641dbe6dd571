using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// A grouping key resolved: the chain of entity fields it reads. A key ending at a reference groups by the reference's
/// foreign key and returns the related row (an object key); any other key groups by the last field's value (transformed).
/// </summary>
public sealed class AggregateKeyModel
{
    internal AggregateKeyModel(AggregateKey key, IEntityGraphType entity, IReadOnlyDictionary<string, IEntityGraphType> entities)
    {
        Definition = key;
        var hops = new List<(IEntityGraphType Owner, QueryField Field)>();
        var owner = entity;
        for (var i = 0; i < key.Path.Count; i++)
        {
            var last = i == key.Path.Count - 1;
            if (!owner.QueryFields.TryGetValue(key.Path[i], out var field)
                || field.Kind is QueryFieldKind.List or QueryFieldKind.Connection
                || (field.Kind == QueryFieldKind.Value && (!last || field.FormatsInMemory))
                || (field.Kind == QueryFieldKind.Reference && field.TargetTypeName is null))
            {
                throw Invalid(entity, $"`{string.Join('.', key.Path)}` is not a path of references ending at a value or a reference");
            }

            hops.Add((owner, field));
            if (field.Kind == QueryFieldKind.Reference && !last)
            {
                owner = entities.GetValueOrDefault(field.TargetTypeName!) ?? throw Invalid(entity, $"`{field.TargetTypeName}` is not an entity type");
            }
        }

        Hops = hops;
        var end = hops[^1].Field;
        IsObject = end.Kind == QueryFieldKind.Reference;
        if (IsObject && (key.Transform is not null || end.Expression.Body is not MemberExpression { Expression: ParameterExpression }))
        {
            throw Invalid(entity, $"the object key `{key.Name}` must be a plain reference navigation without a transform");
        }

        if (key.Transform is { Parameters: [var input] } && input.Type != (Nullable.GetUnderlyingType(end.ValueType) ?? end.ValueType))
        {
            throw Invalid(entity, $"the transform of `{key.Name}` takes {input.Type.Name}, the field is {end.ValueType.Name}");
        }

        if (key.Column is { } column && (IsObject || hops.Count != 1 || column.Parameters is not [var row] || row.Type != entity.EntityType))
        {
            throw Invalid(entity, $"the stored column of `{key.Name}` must be over {entity.EntityType.Name}, for a value field of the entity itself");
        }

        TargetTypeName = IsObject ? end.TargetTypeName : null;
        OutputType = IsObject ? null : key.FormattedType ?? key.Column?.ReturnType ?? key.Transform?.ReturnType ?? end.ValueType;
        Sources = [.. hops.Select(h => new FieldSource(h.Owner.Name, h.Field.Name))];
    }

    public AggregateKey Definition { get; }

    /// <summary>The <c>groupBy</c> enum value.</summary>
    public string Value => Definition.Value;

    /// <summary>The field name in the key type and in the inputs.</summary>
    public string Name => Definition.Name;

    public IReadOnlyList<(IEntityGraphType Owner, QueryField Field)> Hops { get; }

    /// <summary>The key returns a related row of <see cref="TargetTypeName"/>.</summary>
    public bool IsObject { get; }

    public string? TargetTypeName { get; }

    /// <summary>The CLR type of a scalar key's result (after formatting); null for object keys.</summary>
    public Type? OutputType { get; }

    /// <summary>The fields the key reads: grouping on it, or counting its distinct values, reads each of them.</summary>
    public IReadOnlyList<FieldSource> Sources { get; }

    /// <summary>
    /// The grouped value of a row at <paramref name="element"/>: the foreign key of an object key, else the last field's value
    /// (transformed). Through a reference the caller may not see (row rules) or that is null, the value is null, so rows of
    /// invisible related rows fall into one group that reveals nothing of them.
    /// </summary>
    public Expression Build(QueryScope scope, Expression element)
    {
        if (Definition.Column is { } column)
        {
            return ParameterReplacer.Apply(column, element);
        }

        Expression? visible = null;
        var value = element;
        for (var i = 0; i < Hops.Count; i++)
        {
            var (owner, field) = Hops[i];
            if (i == Hops.Count - 1 && IsObject)
            {
                var navigation = ((MemberExpression)field.Expression.Body).Member.Name;
                var join = scope.Source.Join(owner.EntityType, navigation)
                    ?? throw new InvalidOperationException($"`{owner.Name}.{field.Name}` has no single-column foreign key to group by.");
                var related = scope.Apply(field.Expression, value);
                visible = And(visible, scope.RuleOn(scope.Entity(field.TargetTypeName!).EntityType, related));
                value = Expression.Property(value, join.OwnerKey);
            }
            else if (field.Kind == QueryFieldKind.Reference)
            {
                var related = scope.Apply(field.Expression, value);
                if (field.NullCheck)
                {
                    visible = And(visible, Expression.NotEqual(related, Expression.Constant(null, related.Type)));
                }

                visible = And(visible, scope.RuleOn(scope.Entity(field.TargetTypeName!).EntityType, related));
                value = related;
            }
            else
            {
                value = scope.Apply(field.Expression, value);
            }
        }

        if (Definition.Transform is { } transform)
        {
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                visible = And(visible, Expression.NotEqual(value, Expression.Constant(null, value.Type)));
                value = Expression.Property(value, nameof(Nullable<int>.Value));
            }

            value = ParameterReplacer.Apply(transform, value);
        }

        return visible is null ? value : Expression.Condition(visible, AsNullable(value), Expression.Constant(null, AsNullable(value).Type));
    }

    /// <summary>The key field's result for a grouped value (a scalar key's format applied).</summary>
    public object? Output(object? grouped) => Definition.Format is { } format ? format(grouped) : grouped;

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    private static Expression AsNullable(Expression value) =>
        value.Type.IsValueType && System.Nullable.GetUnderlyingType(value.Type) is null
            ? Expression.Convert(value, typeof(Nullable<>).MakeGenericType(value.Type))
            : value;

    private InvalidOperationException Invalid(IEntityGraphType entity, string problem) =>
        new($"Aggregates of `{entity.Name}`: grouping key {Definition.Value}: {problem}.");
}
