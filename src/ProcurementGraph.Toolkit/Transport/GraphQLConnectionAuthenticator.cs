using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Authentication;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Authenticates a WebSocket connection at <c>connection_init</c> exactly as the endpoint authenticates an HTTP request: the
/// token from the payload (<c>Authorization</c>/<c>authorization</c>, also under <c>headers</c>, or Apollo's <c>authToken</c>;
/// with or without <c>Bearer </c>), else the handshake's own <c>Authorization</c> header, goes through the same authentication
/// schemes and the endpoint's authorization policy, in a request of its own (schemes remember one result per request).
/// </summary>
internal static partial class GraphQLConnectionAuthenticator
{
    private static readonly string[] TokenKeys = ["Authorization", "authorization", "authToken", "token", "accessToken"];

    public sealed record Outcome(ClaimsPrincipal? User, DateTimeOffset? ExpiresAt);

    public static async Task<Outcome> AuthenticateAsync(HttpContext context, JsonElement? payload, ILogger logger)
    {
        var services = context.RequestServices;
        var endpoint = context.GetEndpoint();
        var policy = endpoint is null ? null : await AuthorizationPolicy.CombineAsync(
            services.GetRequiredService<IAuthorizationPolicyProvider>(),
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()).ConfigureAwait(false);
        var authorization = TokenOf(payload) ?? context.Request.Headers.Authorization.ToString();

        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Method = HttpMethods.Get;
        probe.Request.Scheme = context.Request.Scheme;
        probe.Request.Host = context.Request.Host;
        probe.Request.PathBase = context.Request.PathBase;
        probe.Request.Path = context.Request.Path;
        probe.Connection.RemoteIpAddress = context.Connection.RemoteIpAddress;
        probe.TraceIdentifier = context.TraceIdentifier;
        if (!string.IsNullOrEmpty(authorization))
        {
            probe.Request.Headers.Authorization = authorization;
        }

        if (endpoint is not null)
        {
            probe.SetEndpoint(endpoint);
        }

        // What the authentication middleware does for a request: the default scheme's result becomes the request's user.
        var schemes = scope.ServiceProvider.GetRequiredService<IAuthenticationSchemeProvider>();
        AuthenticateResult? result = null;
        if (await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is { } scheme)
        {
            result = await probe.AuthenticateAsync(scheme.Name).ConfigureAwait(false);
            if (result.Principal is not null)
            {
                probe.User = result.Principal;
            }

            if (result.Succeeded)
            {
                probe.Features.Set<IAuthenticateResultFeature>(new AuthenticateResultFeature { AuthenticateResult = result });
            }
        }

        if (policy is null)
        {
            return new Outcome(probe.User, Expiry(result?.Properties, probe.User));
        }

        var evaluator = scope.ServiceProvider.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, probe).ConfigureAwait(false);
        var authorized = await evaluator.AuthorizeAsync(policy, authentication, probe, resource: null).ConfigureAwait(false);
        if (!authorized.Succeeded)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var reason = (result?.Failure ?? authentication.Failure)?.Message
                    ?? (authorized.Challenged ? (string.IsNullOrEmpty(authorization) ? "no credentials were sent" : "the credentials were not accepted") : "forbidden");
                LogRefused(logger, context.Request.Path, reason);
            }

            return new Outcome(null, null);
        }

        return new Outcome(probe.User, Expiry(authentication.Properties, probe.User));
    }

    private static string? TokenOf(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var token = Find(value) ?? (value.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object ? Find(headers) : null);
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        token = token.Trim();
        return token.Contains(' ', StringComparison.Ordinal) ? token : "Bearer " + token;

        static string? Find(JsonElement map)
        {
            foreach (var key in TokenKeys)
            {
                if (map.TryGetProperty(key, out var found) && found.ValueKind == JsonValueKind.String)
                {
                    return found.GetString();
                }
            }

            return null;
        }
    }

    /// <summary>When the token stops being valid: the scheme's ticket expiry, else the <c>exp</c> claim.</summary>
    public static DateTimeOffset? Expiry(AuthenticationProperties? properties, ClaimsPrincipal? user)
    {
        if (properties?.ExpiresUtc is { } expires)
        {
            return expires;
        }

        return user?.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private sealed class AuthenticateResultFeature : IAuthenticateResultFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSocket connection_init on {Path} refused with 4403: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
