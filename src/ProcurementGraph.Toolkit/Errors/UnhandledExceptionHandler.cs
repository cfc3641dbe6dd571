using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>
/// GraphQL.NET's unhandled-exception hook (<see cref="ExecutionOptions.UnhandledExceptionDelegate"/>): logs every
/// exception a resolver or the executer did not expect with the request's correlation id and turns it into
/// <see cref="DatabaseUnavailableError"/> (the database cannot be reached) or <see cref="UnexpectedExecutionError"/>.
/// Exceptions of a request already cancelled (timeout, client gone) are not server faults: logged at debug level only.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(ErrorMaskingOptions options)
{
    private const string LoggerCategory = "ProcurementGraph.Toolkit.Errors.UnexpectedErrors";

    public Task HandleAsync(UnhandledExceptionContext context)
    {
        var executionOptions = context.ExecutionOptions;
        var services = executionOptions.RequestServices;
        var logger = services?.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;
        var correlationId = options.CorrelationId?.Invoke(executionOptions) ?? DefaultCorrelationId(services);
        var exception = context.OriginalException;
        var path = context.FieldContext is { } field ? string.Join('.', field.Path) : "(document)";
        var message = context.ErrorMessage ?? (context.FieldContext is { } f
            ? $"Error trying to resolve field '{f.FieldAst.Alias?.Name.StringValue ?? f.FieldAst.Name.StringValue}'."
            : "Error executing document.");

        if (executionOptions.CancellationToken.IsCancellationRequested)
        {
            LogCancelled(logger, exception, correlationId, path);
            context.Exception = new UnexpectedExecutionError(message, exception, correlationId);
        }
        else if (options.IsDatabaseUnavailable(exception))
        {
            LogDatabaseUnavailable(logger, exception, correlationId, path);
            context.Exception = new DatabaseUnavailableError(correlationId);
        }
        else
        {
            LogUnexpected(logger, exception, correlationId, path);
            context.Exception = new UnexpectedExecutionError(message, exception, correlationId);
        }

        return Task.CompletedTask;
    }

    /// <summary>The HTTP request's trace identifier, else the current activity's id, else a new id.</summary>
    internal static string DefaultCorrelationId(IServiceProvider? services) =>
        services?.GetService<IHttpContextAccessor>()?.HttpContext?.TraceIdentifier
        ?? Activity.Current?.Id
        ?? Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {CorrelationId} while executing {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable {CorrelationId} while executing {Path}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string correlationId, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {CorrelationId} cancelled while executing {Path}")]
    private static partial void LogCancelled(ILogger logger, Exception exception, string correlationId, string path);
}
