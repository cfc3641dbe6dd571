using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>
/// Answers authorization failures of endpoints marked with <see cref="GraphQLEndpointAuthorizationMetadata"/> as GraphQL
/// responses: the schemes challenge (401, <c>WWW-Authenticate</c>) or forbid (403) first, then one error with
/// <c>AUTH_NOT_AUTHENTICATED</c> or <c>AUTH_NOT_AUTHORIZED</c> is written in the negotiated media type. The reason
/// (an expired token, a wrong audience, ...) is logged, never returned. Other endpoints get ASP.NET Core's default handling.
/// A WebSocket handshake passes (when the WebSocket transport is registered): its caller is authorized at <c>connection_init</c>.
/// </summary>
public sealed partial class GraphQLAuthorizationMiddlewareResultHandler(
    IOptions<GraphQLHttpOptions> options,
    ILogger<GraphQLAuthorizationMiddlewareResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    public const string NotAuthenticatedMessage = "The current user is not authenticated: send a valid bearer token.";
    public const string NotAuthorizedMessage = "The current user is not authorized to access this resource.";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded || (!authorizeResult.Challenged && !authorizeResult.Forbidden)
            || context.GetEndpoint()?.Metadata.GetMetadata<GraphQLEndpointAuthorizationMetadata>() is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        if (context.WebSockets.IsWebSocketRequest && context.RequestServices.GetService<GraphQLWebSocketHandler>() is not null)
        {
            // Browsers cannot send a token with the handshake: a WebSocket is authenticated at connection_init with the
            // same schemes and policy (GraphQLConnectionAuthenticator), and refused there with 4403.
            await next(context).ConfigureAwait(false);
            return;
        }

        GraphQLHttpError error;
        if (authorizeResult.Challenged)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var reason = await AuthenticationFailureAsync(context, policy).ConfigureAwait(false);
                LogNotAuthenticated(logger, context.Request.Method, context.Request.Path, reason);
            }

            await ForEachScheme(policy, scheme => context.ChallengeAsync(scheme)).ConfigureAwait(false);
            error = new GraphQLHttpError(StatusCodes.Status401Unauthorized, GraphQLAuthorizationErrorCodes.NotAuthenticated, NotAuthenticatedMessage);
        }
        else
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var reasons = FailureReasons(authorizeResult.AuthorizationFailure);
                LogNotAuthorized(logger, context.Request.Method, context.Request.Path, reasons);
            }

            await ForEachScheme(policy, scheme => context.ForbidAsync(scheme)).ConfigureAwait(false);
            error = new GraphQLHttpError(StatusCodes.Status403Forbidden, GraphQLAuthorizationErrorCodes.NotAuthorized, NotAuthorizedMessage);
        }

        if (context.Response.HasStarted)
        {
            return; // a scheme wrote its own answer
        }

        GraphQLHttpAcceptNegotiator.TryNegotiate(context.Request.Headers.Accept, options.Value.DefaultResponseMediaType, out var mediaType);
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        await GraphQLHttpResponseWriter.WriteErrorAsync(context, serializer, error, mediaType ?? GraphQLResponseMediaType.Json).ConfigureAwait(false);
    }

    /// <summary>Why authentication failed; handlers remember their result for the request, so this does not validate twice.</summary>
    private static async Task<string> AuthenticationFailureAsync(HttpContext context, AuthorizationPolicy policy)
    {
        string?[] schemes = policy.AuthenticationSchemes.Count > 0 ? [.. policy.AuthenticationSchemes] : [null];
        foreach (var scheme in schemes)
        {
            if ((await context.AuthenticateAsync(scheme).ConfigureAwait(false)).Failure is { } failure)
            {
                return failure.Message;
            }
        }

        return string.IsNullOrEmpty(context.Request.Headers.Authorization) ? "no credentials were sent" : "the credentials were not accepted";
    }

    private static string FailureReasons(AuthorizationFailure? failure) =>
        failure is null
            ? "forbidden"
            : string.Join("; ", failure.FailedRequirements.Select(r => r.ToString()).Concat(failure.FailureReasons.Select(r => r.Message)));

    private static async Task ForEachScheme(AuthorizationPolicy policy, Func<string?, Task> action)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await action(null).ConfigureAwait(false);
            return;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            await action(scheme).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with 401: {Reason}")]
    private static partial void LogNotAuthenticated(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with 403: {Reason}")]
    private static partial void LogNotAuthorized(ILogger logger, string method, PathString path, string reason);
}
