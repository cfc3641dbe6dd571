using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// CORS for the GraphQL endpoint and GraphiQL's files, with ASP.NET Core's CORS middleware and one policy built from
/// <c>Cors:*</c>: methods GET and POST, the configured origins and headers, preflights kept <c>Cors:MaxAgeSeconds</c>.
/// No origin is allowed outside Development unless configured (the middleware is not even added); in Development,
/// unless <c>Cors:AllowedOrigins</c> is set, every loopback origin is (a front-end's dev server on localhost).
/// </summary>
public static class CrossOriginRegistration
{
    public const string PolicyName = "GraphQL";

    /// <summary>Sent by GraphQL clients beside the safelisted headers: tokens, JSON bodies, GraphQL-over-HTTP's preflight marker, trace context.</summary>
    public static readonly string[] DefaultAllowedHeaders = ["Authorization", "Content-Type", "GraphQL-Preflight", "traceparent", "tracestate"];

    public static IServiceCollection AddProcurementCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(CrossOriginOptions.SectionName).Get<CrossOriginOptions>() ?? new CrossOriginOptions();
        var policy = BuildPolicy(options, environment.IsDevelopment());
        services.AddSingleton(new CrossOriginPolicyHolder(policy));
        if (policy is not null)
        {
            services.AddCors(cors => cors.AddPolicy(PolicyName, policy));
        }

        return services;
    }

    /// <summary>Adds the CORS middleware for <paramref name="path"/> and everything under it, when an origin is allowed.</summary>
    public static WebApplication UseProcurementCors(this WebApplication app, PathString path)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<CrossOriginPolicyHolder>().Policy is not null)
        {
            app.UseWhen(context => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase),
                branch => branch.UseCors(PolicyName));
        }

        return app;
    }

    /// <summary>The policy, or null when no origin is allowed.</summary>
    internal static CorsPolicy? BuildPolicy(CrossOriginOptions options, bool isDevelopment)
    {
        var origins = (options.AllowedOrigins ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToArray();
        var useLoopbackDefault = options.AllowedOrigins is null && isDevelopment;
        if (origins.Length == 0 && !useLoopbackDefault)
        {
            return null;
        }

        if (options.MaxAgeSeconds is < 0 or > 86_400)
        {
            throw new StartupException(string.Create(CultureInfo.InvariantCulture,
                $"Cors:MaxAgeSeconds must be between 0 and 86400 (it is {options.MaxAgeSeconds})."));
        }

        var builder = new CorsPolicyBuilder().WithMethods("GET", "POST").SetPreflightMaxAge(TimeSpan.FromSeconds(options.MaxAgeSeconds));
        var anyOrigin = origins.Contains("*");
        if (useLoopbackDefault)
        {
            builder.SetIsOriginAllowed(IsLoopbackOrigin);
        }
        else if (anyOrigin)
        {
            if (origins.Length > 1)
            {
                throw new StartupException("Cors:AllowedOrigins: '*' (any origin) cannot be listed beside other origins.");
            }

            builder.AllowAnyOrigin();
        }
        else
        {
            for (var i = 0; i < origins.Length; i++)
            {
                ValidateOrigin(origins[i], i);
            }

            builder.WithOrigins(origins);
            if (origins.Any(o => o.Contains("://*.", StringComparison.Ordinal)))
            {
                builder.SetIsOriginAllowedToAllowWildcardSubdomains();
            }
        }

        var headers = (options.AllowedHeaders ?? DefaultAllowedHeaders).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray();
        if (headers.Contains("*"))
        {
            builder.AllowAnyHeader();
        }
        else
        {
            foreach (var header in headers)
            {
                if (!header.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
                {
                    throw new StartupException($"Cors:AllowedHeaders: '{header}' is not a header name.");
                }
            }

            builder.WithHeaders(headers);
        }

        if (options.AllowCredentials)
        {
            if (anyOrigin)
            {
                throw new StartupException("Cors:AllowCredentials cannot be true while Cors:AllowedOrigins is '*' (the CORS protocol forbids credentials for any origin).");
            }

            builder.AllowCredentials();
        }

        return builder.Build();
    }

    /// <summary>An origin is <c>scheme://host[:port]</c>: http or https, no path, query or user (<c>*.</c> may start the host).</summary>
    private static void ValidateOrigin(string origin, int index)
    {
        var candidate = origin.Replace("://*.", "://wildcard.", StringComparison.Ordinal);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.UserInfo)
            || candidate.TrimEnd('/').Length != candidate.Length
            || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment)
            || origin.IndexOf('*', StringComparison.Ordinal) != origin.LastIndexOf('*')
            || (origin.Contains('*', StringComparison.Ordinal) && !origin.Contains("://*.", StringComparison.Ordinal)))
        {
            throw new StartupException(string.Create(CultureInfo.InvariantCulture,
                $"Cors:AllowedOrigins:{index} '{origin}' is not an origin: write scheme://host[:port] (http or https, no path, no trailing '/'), e.g. https://app.contoso.com."));
        }
    }

    /// <summary><c>http(s)://localhost</c>, <c>127.0.0.0/8</c> or <c>[::1]</c>, any port.</summary>
    internal static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>The policy as configured (null: no origin allowed, no middleware).</summary>
    internal sealed record CrossOriginPolicyHolder(CorsPolicy? Policy);
}
