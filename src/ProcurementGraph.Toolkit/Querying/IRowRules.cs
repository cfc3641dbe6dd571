using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// The caller's row rules: for an entity type, the predicate a row must satisfy to be visible (null: all rows).
/// Applied where every query starts, inside every nested list and inside derived values over lists. For a restricted
/// caller build them from a <see cref="RowRuleTable{TCaller}"/>, which fails closed (an undeclared entity type: no rows).
/// </summary>
public interface IRowRules
{
    LambdaExpression? For(Type entityType);
}
