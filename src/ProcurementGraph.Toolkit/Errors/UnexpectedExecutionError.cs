using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>
/// An exception no resolver expected, tagged with the request's correlation id (<c>extensions.correlationId</c>) that
/// the log line of the exception carries too. Outside Development <see cref="MaskingErrorInfoProvider"/> answers it with
/// <see cref="MaskedMessage"/> and the correlation id only.
/// </summary>
public sealed class UnexpectedExecutionError : UnhandledError
{
    /// <summary>HotChocolate's message for a masked exception.</summary>
    public const string MaskedMessage = "Unexpected Execution Error";

    public const string CorrelationIdKey = "correlationId";

    public UnexpectedExecutionError(string message, Exception exception, string correlationId)
        : base(message, exception)
    {
        CorrelationId = correlationId;
        Data[CorrelationIdKey] = correlationId;
    }

    public string CorrelationId { get; }
}
