using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using ProcurementGraph.Toolkit.Redis;
using ProcurementGraph.Toolkit.Telemetry;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// Per-caller rate limiting with ASP.NET Core's rate limiter: one fixed window per caller (<c>RateLimiting:*</c>), the
/// caller being the authenticated principal (tenant + object id, subject, client app or name) or, when anonymous, the
/// client's IP address. A caller over the limit waits in a short queue, then gets 429 with <c>Retry-After</c> and one
/// GraphQL error <c>RATE_LIMITED</c>. Runs after authentication (to know the caller) and before authorization (so that
/// refused tokens count too); the health endpoints are exempt.
/// </summary>
public static partial class RateLimitingRegistration
{
    public const string ErrorCode = "RATE_LIMITED";

    /// <summary>Claims naming the caller, most specific first (Entra: <c>oid</c>; user-jwts: <c>sub</c>; apps: <c>azp</c>/<c>appid</c>).</summary>
    private static readonly string[] CallerClaimTypes = ["oid", "sub", "azp", "appid", "client_id"];

    public static IServiceCollection AddProcurementRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        Validate(options);
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var fixedWindow = new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = window,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
        var shared = ReplicasRegistration.UsesRedis(configuration);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // With Redis the replicas count each caller together (no queue: the next request may go to another replica);
            // while Redis is away each replica's own fixed window (with its queue) decides.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => shared
                ? RateLimitPartition.Get(CallerPartition(context),
                    partition => context.RequestServices.GetRequiredService<RedisRateLimiters>().Create(partition, fixedWindow))
                : RateLimitPartition.GetFixedWindowLimiter(CallerPartition(context), _ => fixedWindow));
            limiter.OnRejected = (context, _) => RejectAsync(context, options, window);
        });
        return services;
    }

    public static WebApplication UseProcurementRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<RateLimitingOptions>().Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>The partition of a request: <c>caller:{tenant}/{id}</c> when authenticated, else <c>ip:{address}</c>.</summary>
    internal static string CallerPartition(HttpContext context)
    {
        var user = context.User;
        if (user.Identities.Any(i => i.IsAuthenticated))
        {
            var id = CallerClaimTypes.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? user.Identity?.Name;
            if (!string.IsNullOrWhiteSpace(id))
            {
                var tenant = user.FindFirst("tid")?.Value;
                return string.IsNullOrWhiteSpace(tenant) ? $"caller:{id}" : $"caller:{tenant}/{id}";
            }
        }

        return context.Connection.RemoteIpAddress is { } address ? $"ip:{address}" : "ip:unknown";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitingOptions options, TimeSpan window)
    {
        var context = rejected.HttpContext;
        GraphQLTelemetry.RecordRateLimited();
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : window;
        var seconds = (int)Math.Clamp(Math.Ceiling(retryAfter.TotalSeconds), 1, int.MaxValue);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingRegistration).FullName!);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var partition = CallerPartition(context);
            LogRejected(logger, partition, context.Request.Method, context.Request.Path, seconds);
        }

        var error = new ExecutionError(string.Create(CultureInfo.InvariantCulture,
            $"Too many requests: at most {options.PermitLimit} per {options.WindowSeconds} s for each caller. Retry after {seconds} s."))
        {
            Code = ErrorCode,
        };
        error.Data["retryAfter"] = seconds;
        await GraphQLHttpErrorResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, error).ConfigureAwait(false);
    }

    private static void Validate(RateLimitingOptions options)
    {
        if (options.PermitLimit <= 0)
        {
            throw new StartupException($"RateLimiting:PermitLimit must be positive (it is {options.PermitLimit}); set RateLimiting:Enabled=false to turn the limiter off.");
        }

        if (!double.IsFinite(options.WindowSeconds) || options.WindowSeconds < 0.001 || options.WindowSeconds > 86_400)
        {
            throw new StartupException("RateLimiting:WindowSeconds must be a number of seconds between 0.001 and 86400.");
        }

        if (options.QueueLimit < 0)
        {
            throw new StartupException("RateLimiting:QueueLimit must not be negative.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limited {Partition}: {Method} {Path} refused with 429, retry after {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string partition, string method, PathString path, int seconds);
}
