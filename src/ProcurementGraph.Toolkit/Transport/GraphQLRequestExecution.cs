using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Telemetry;
using ProcurementGraph.Toolkit.TrustedDocuments;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// The steps every transport (HTTP, Server-Sent Events, WebSocket) runs between a parsed request and its execution, so one
/// pipeline applies to all: trusted documents (a document id becomes its text; "only trusted" callers are refused other
/// documents), the execution options, the request interceptors; then the engine with its validation rules (document limits,
/// depth, cost, introspection), the execution timeout and the field rules.
/// </summary>
internal static class GraphQLRequestExecution
{
    public static async ValueTask<(GraphQLHttpError? Error, ExecutionOptions? Options)> PrepareAsync(
        HttpContext context, GraphQLRequest request, IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var requestedDocumentId = request.DocumentId;
        var error = services.GetService<TrustedDocumentResolver>() is { } resolver
            ? await resolver.ResolveAsync(user, request, cancellationToken).ConfigureAwait(false)
            : null;
        if (error is null && request.Query is null && request.DocumentId is null)
        {
            error = GraphQLHttpError.QueryAndIdMissing(); // only an APQ hash, and no trusted documents to look it up
        }

        if (error is not null)
        {
            return (error, null);
        }

        var options = new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
        };
        if (requestedDocumentId is not null)
        {
            options.UserContext[GraphQLTelemetry.DocumentIdKey] = requestedDocumentId; // the span's document id
        }

        foreach (var interceptor in services.GetServices<IGraphQLHttpRequestInterceptor>())
        {
            await interceptor.OnExecutingAsync(context, options).ConfigureAwait(false);
        }

        return (null, options);
    }

    public static Task<ExecutionResult> ExecuteAsync(ExecutionOptions options) =>
        options.RequestServices!.GetRequiredService<IDocumentExecuter<GraphQL.Types.ISchema>>().ExecuteAsync(options);
}
