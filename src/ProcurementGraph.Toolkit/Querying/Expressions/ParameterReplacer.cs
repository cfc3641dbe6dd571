using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Expressions;

/// <summary>Inlines a lambda: its body with the parameter replaced by another expression.</summary>
public sealed class ParameterReplacer : ExpressionVisitor
{
    private readonly ParameterExpression _parameter;
    private readonly Expression _replacement;

    private ParameterReplacer(ParameterExpression parameter, Expression replacement)
    {
        _parameter = parameter;
        _replacement = replacement;
    }

    /// <summary>The body of <paramref name="lambda"/> applied to <paramref name="argument"/>.</summary>
    public static Expression Apply(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == _parameter ? _replacement : node;
}
