using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Writes a GraphQL error response from outside the GraphQL endpoint (a rate limiter's rejection, an exception
/// handler): one error, the given status, in the media type the request's <c>Accept</c> header negotiates with the
/// endpoint's rules (<c>application/json</c> when nothing fits), through the registered serializer and error info provider.
/// </summary>
public static class GraphQLHttpErrorResponse
{
    public static Task WriteAsync(HttpContext context, int statusCode, ExecutionError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var services = context.RequestServices;
        var options = services.GetService<IOptions<GraphQLHttpOptions>>()?.Value ?? new GraphQLHttpOptions();
        GraphQLHttpAcceptNegotiator.TryNegotiate(context.Request.Headers.Accept, options.DefaultResponseMediaType, out var mediaType);
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var result = new ExecutionResult { Errors = [error] };
        return GraphQLHttpResponseWriter.WriteAsync(context, serializer, result, statusCode, mediaType ?? GraphQLResponseMediaType.Json);
    }
}
