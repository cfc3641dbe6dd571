using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// The row rules of a restricted kind of caller, declared once per entity type: every row (<see cref="AllRows{T}"/>),
/// none (<see cref="NoRows{T}"/>) or those matching a predicate built for the caller (<see cref="Rows{T}"/>). It fails
/// closed: an entity type of the model without a declaration has no visible rows for such a caller, so a new entity
/// type is hidden until someone declares its rule. <see cref="UndeclaredIn"/> lists the gaps for a test.
/// </summary>
/// <typeparam name="TCaller">What a rule is built from (e.g. the key the caller is restricted to).</typeparam>
public sealed class RowRuleTable<TCaller>
{
    private readonly Dictionary<Type, Func<TCaller, LambdaExpression?>> _rules = [];

    /// <summary>The entity types with a declaration.</summary>
    public IReadOnlyCollection<Type> Declared => _rules.Keys;

    /// <summary>Every row of <typeparamref name="T"/> is visible (reference data).</summary>
    public RowRuleTable<TCaller> AllRows<T>()
        where T : class => Declare(typeof(T), static _ => null);

    /// <summary>No row of <typeparamref name="T"/> is visible.</summary>
    public RowRuleTable<TCaller> NoRows<T>()
        where T : class
    {
        var none = RowRules.None(typeof(T));
        return Declare(typeof(T), _ => none);
    }

    /// <summary>The rows of <typeparamref name="T"/> matching the predicate <paramref name="rule"/> builds for the caller.</summary>
    public RowRuleTable<TCaller> Rows<T>(Func<TCaller, Expression<Func<T, bool>>> rule)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Declare(typeof(T), caller => rule(caller));
    }

    /// <summary>Whether <paramref name="entityType"/> has a declaration.</summary>
    public bool Declares(Type entityType) => _rules.ContainsKey(entityType);

    /// <summary>The entity types of <paramref name="model"/> without a declaration (empty when the table is complete).</summary>
    public IReadOnlyList<Type> UndeclaredIn(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. RowRules.EntityTypesOf(model).Where(type => !Declares(type)).OrderBy(type => type.FullName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The rules of one caller over <paramref name="model"/>'s entity types: a declared type's rule, no rows of an undeclared
    /// entity type, and no rule (null) for anything that is not an entity type (a list of scalars, say).
    /// </summary>
    public IRowRules For(TCaller caller, IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rules = new Dictionary<Type, LambdaExpression?>();
        foreach (var type in RowRules.EntityTypesOf(model))
        {
            rules[type] = _rules.TryGetValue(type, out var rule) ? rule(caller) : RowRules.None(type);
        }

        return new RowRules(rules);
    }

    private RowRuleTable<TCaller> Declare(Type entityType, Func<TCaller, LambdaExpression?> rule)
    {
        if (!_rules.TryAdd(entityType, rule))
        {
            throw new InvalidOperationException($"The row rule of {entityType.Name} is declared twice.");
        }

        return this;
    }
}
