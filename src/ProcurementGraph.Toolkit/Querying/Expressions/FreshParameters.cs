using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Expressions;

/// <summary>
/// Copies an expression giving every lambda new parameters, so a query can be embedded inside a lambda that binds
/// the same parameter objects (EF Core refuses such shadowing).
/// </summary>
public sealed class FreshParameters : ExpressionVisitor
{
    private readonly Dictionary<ParameterExpression, ParameterExpression> _renamed = [];

    public static Expression Apply(Expression expression) => new FreshParameters().Visit(expression);

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var parameters = node.Parameters.Select(p => _renamed[p] = Expression.Parameter(p.Type, p.Name)).ToList();
        // The delegate type stays the lambda's own: inferred from the body, `child => child.Suppliers` would become a
        // Func<_, ICollection<_>> where SelectMany takes Func<_, IEnumerable<_>> (EF Core then fails to rebuild the call).
        return Expression.Lambda<T>(Visit(node.Body), node.Name, node.TailCall, parameters);
    }

    protected override Expression VisitParameter(ParameterExpression node) => _renamed.GetValueOrDefault(node, node);
}
