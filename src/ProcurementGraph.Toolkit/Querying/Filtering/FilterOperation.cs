using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Filtering;

/// <summary>How much a filter operation weighs in the cost analysis (<c>@cost</c> on its input field).</summary>
public enum FilterOperationCost
{
    /// <summary>A comparison the database answers from an index or a cheap predicate: <c>FilterOperationCost</c> (10).</summary>
    Regular,

    /// <summary>A text match (<c>LIKE '%…%'</c>) that reads every value: <c>ExpensiveFilterOperationCost</c> (20).</summary>
    Expensive,
}

/// <summary>
/// One scalar filter operation, declared once (<see cref="FilterOperations"/>): its input field's name, the description the
/// schema shows, its cost class, whether its operand is a list (<c>in</c>, <c>nin</c>) or may be null (<c>eq</c>, <c>neq</c>),
/// and the expression it builds over a value and its operand (an input type's name for errors).
/// </summary>
public sealed record FilterOperation(
    string Name,
    string Meaning,
    FilterOperationCost Cost,
    Func<Expression, object?, string, Expression> Build,
    bool ListOperand = false,
    bool AcceptsNull = false);
