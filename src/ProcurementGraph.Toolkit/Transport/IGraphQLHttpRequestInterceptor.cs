using GraphQL;
using Microsoft.AspNetCore.Http;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Hook called by the GraphQL-over-HTTP endpoint after the request was read and before it is executed.
/// Register implementations in DI (any lifetime); every registered interceptor is called, in registration order.
/// </summary>
public interface IGraphQLHttpRequestInterceptor
{
    /// <summary>Inspects or changes the execution options (user context, listeners, root value, ...) of the request.</summary>
    ValueTask OnExecutingAsync(HttpContext context, ExecutionOptions options);
}
