using ProcurementGraph.Api.Data.Lifecycle;
using System.Globalization;
using GraphQL.DI;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementGraph.Api.Data.Providers;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Execution;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// The execution timeout (<c>GraphQL:ExecutionTimeoutSeconds</c>, default 30, <c>HC0045</c>) with its cancellation
/// reaching the running SQL command, and the handling of unexpected exceptions: masked outside Development
/// ("Unexpected Execution Error" with <c>extensions.correlationId</c> = the request's trace identifier, logged with the
/// exception), <c>DATABASE_UNAVAILABLE</c> when the database cannot be reached.
/// </summary>
public static class ExecutionHardeningRegistration
{
    public const string ExecutionTimeoutSetting = "GraphQL:ExecutionTimeoutSeconds";

    /// <summary>The configured execution timeout; a value below 0.1 s (or not a number) stops the start with one line.</summary>
    public static TimeSpan ExecutionTimeout(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[ExecutionTimeoutSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExecutionTimeoutGraphQLBuilderExtensions.DefaultTimeout;
        }

        var minimum = ExecutionTimeoutGraphQLBuilderExtensions.MinimumTimeout;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds < minimum.TotalSeconds || seconds > int.MaxValue / 1000d)
        {
            throw new StartupException(
                $"{ExecutionTimeoutSetting} '{text}' is not a number of seconds of at least {minimum.TotalSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>GraphQL side: the execution timeout and the unexpected-exception handler (see <see cref="MaskingErrorInfoProvider"/>).</summary>
    public static IGraphQLBuilder AddProcurementExecutionHardening(this IGraphQLBuilder graph, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return graph
            .AddExecutionTimeout(ExecutionTimeout(configuration))
            .AddErrorMasking(options =>
            {
                options.ExposeExceptionDetails = environment.IsDevelopment();
                options.IsDatabaseUnavailable = DatabaseFailures.IsUnavailable;
            });
    }

    /// <summary>
    /// Data side: EF Core interceptors that carry the request's deadline and cancellation into every SQL command, and
    /// that never let a served SQLite database be re-created empty when its file goes missing.
    /// </summary>
    public static IServiceCollection AddProcurementDatabaseCancellation(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor, DeadlineCommandInterceptor>();
        services.AddSingleton<IInterceptor, SqliteInterruptInterceptor>();
        services.AddSingleton<SqliteServingModeInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqliteServingModeInterceptor>());
        services.AddHostedService<SqliteServingModeInterceptor.Activator>();
        return services;
    }

    /// <summary>Outside Development, an exception escaping the pipeline is answered with a masked GraphQL error (500).</summary>
    public static WebApplication UseProcurementErrorHandling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseGraphQLUnexpectedExceptionHandler();
        }

        return app;
    }
}
