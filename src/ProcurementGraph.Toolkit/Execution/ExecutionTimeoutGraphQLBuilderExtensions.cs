using GraphQL;
using GraphQL.DI;

namespace ProcurementGraph.Toolkit.Execution;

/// <summary>Registers the execution timeout (<see cref="ExecutionTimeoutError"/>, <c>HC0045</c>).</summary>
public static class ExecutionTimeoutGraphQLBuilderExtensions
{
    /// <summary>HotChocolate's smallest execution timeout.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>HotChocolate's default execution timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Cancels every request still executing after <paramref name="timeout"/> (at least 100 ms) and answers it with
    /// <c>HC0045</c>. Register <see cref="DeadlineCommandInterceptor"/> with EF Core so that SQL commands stop too.
    /// </summary>
    public static IGraphQLBuilder AddExecutionTimeout(this IGraphQLBuilder builder, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (timeout < MinimumTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"The execution timeout must be at least {MinimumTimeout.TotalMilliseconds} ms.");
        }

        return builder.ConfigureExecution(new ExecutionTimeout(timeout));
    }
}
