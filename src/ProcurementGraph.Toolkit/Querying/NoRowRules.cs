using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>Every row is visible.</summary>
public sealed class NoRowRules : IRowRules
{
    public LambdaExpression? For(Type entityType) => null;
}
