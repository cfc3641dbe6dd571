using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// Counts the queries EF Core compiles: it calls this only on a miss of its compiled-query cache, so a repeated
/// request that compiles again has a shape that changes per request (a constant where a parameter belongs).
/// </summary>
internal sealed class QueryCompilationCounter : IQueryExpressionInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Interlocked.Increment(ref _count);
        return queryExpression;
    }
}
