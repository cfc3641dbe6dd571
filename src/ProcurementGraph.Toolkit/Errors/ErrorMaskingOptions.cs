using GraphQL;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>Options of <see cref="ErrorMaskingGraphQLBuilderExtensions.AddErrorMasking"/>.</summary>
public sealed class ErrorMaskingOptions
{
    /// <summary>
    /// Keep GraphQL.NET's message and the exception's details (Development). When false an unexpected exception is
    /// answered with "Unexpected Execution Error" and its correlation id only.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>
    /// Recognises an exception that means the database cannot be reached (refused, locked, missing): such a field
    /// becomes <see cref="DatabaseUnavailableError"/> (<c>DATABASE_UNAVAILABLE</c>) instead of an unexpected error.
    /// </summary>
    public Func<Exception, bool> IsDatabaseUnavailable { get; set; } = _ => false;

    /// <summary>
    /// The correlation id of a request, put in the error's <c>extensions.correlationId</c> and in the log line;
    /// default: the HTTP request's <c>TraceIdentifier</c> (through <c>IHttpContextAccessor</c>), else the current activity.
    /// </summary>
    public Func<ExecutionOptions, string?>? CorrelationId { get; set; }
}
