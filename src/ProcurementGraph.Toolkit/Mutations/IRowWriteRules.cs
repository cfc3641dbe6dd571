using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>
/// Which of the rows a caller may see it may also change: for an entity type, the predicate a visible row must satisfy to
/// be written (null: every visible row). A visible row that fails it is refused with <c>AUTH_NOT_AUTHORIZED</c>; a row
/// the read rules hide is "not found".
/// </summary>
public interface IRowWriteRules
{
    LambdaExpression? ForWrite(Type entityType);
}
