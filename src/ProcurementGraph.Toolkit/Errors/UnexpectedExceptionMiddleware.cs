using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>
/// Outside Development: an exception that escapes the pipeline (not a GraphQL resolver's, those are results) is logged
/// with the request's trace identifier and answered with status 500 and one GraphQL error,
/// <c>"Unexpected Execution Error"</c> with <c>extensions.correlationId</c>, never a stack trace or an empty body.
/// </summary>
public static partial class UnexpectedExceptionMiddleware
{
    public static IApplicationBuilder UseGraphQLUnexpectedExceptionHandler(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory
            ? factory.CreateLogger(typeof(UnexpectedExceptionMiddleware).FullName!)
            : null;
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var correlationId = context.TraceIdentifier;
                if (logger is not null)
                {
                    LogUnhandled(logger, e, correlationId, context.Request.Method, context.Request.Path);
                }

                context.Response.Clear();
                var error = new ExecutionError(UnexpectedExecutionError.MaskedMessage);
                error.Data[UnexpectedExecutionError.CorrelationIdKey] = correlationId;
                await GraphQLHttpErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, error).ConfigureAwait(false);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {CorrelationId} in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId, string method, PathString path);
}
