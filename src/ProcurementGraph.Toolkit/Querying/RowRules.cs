using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>Row rules from a fixed map of entity type to predicate (null: every row); a type not in the map is not ruled.</summary>
public sealed class RowRules(IReadOnlyDictionary<Type, LambdaExpression?> rules) : IRowRules
{
    /// <summary>No row of any entity type of <paramref name="model"/> is visible.</summary>
    public static RowRules NoneOf(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new RowRules(EntityTypesOf(model).ToDictionary(type => type, type => (LambdaExpression?)None(type)));
    }

    /// <summary>The predicate <c>row =&gt; false</c> over <paramref name="entityType"/>.</summary>
    public static LambdaExpression None(Type entityType) =>
        Expression.Lambda(Expression.Constant(false), Expression.Parameter(entityType, "row"));

    /// <summary>The CLR types of the model's entity types (shared-type and property-bag entities have none of their own).</summary>
    public static IEnumerable<Type> EntityTypesOf(IModel model) =>
        model.GetEntityTypes().Where(type => !type.HasSharedClrType).Select(type => type.ClrType).Distinct();

    public LambdaExpression? For(Type entityType) => rules.GetValueOrDefault(entityType);
}
