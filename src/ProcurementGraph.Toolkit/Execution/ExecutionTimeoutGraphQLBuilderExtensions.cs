using GraphQL;
using GraphQL.DI;
using ProcurementGraph.Toolkit.Documents;

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
    /// Parsing and validation of a new document run off the request's flow (the deadline can answer before they end); a
    /// document the <see cref="IKnownDocuments"/> service knows is executed in the request's flow.
    /// </summary>
    public static IGraphQLBuilder AddExecutionTimeout(this IGraphQLBuilder builder, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (timeout < MinimumTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, $"The execution timeout must be at least {MinimumTimeout.TotalMilliseconds} ms.");
        }

        // A known document (the validated-document cache, when registered) is executed in the request's flow: nothing of it is
        // parsed or put through the document-only rules again.
        builder.Services.Register<IConfigureExecution>(
            services => new ExecutionTimeout(timeout, services.GetService(typeof(IKnownDocuments)) as IKnownDocuments), ServiceLifetime.Singleton);
        return builder;
    }
}
