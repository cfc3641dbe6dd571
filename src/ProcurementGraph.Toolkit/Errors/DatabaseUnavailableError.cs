using GraphQL;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>
/// The database could not be reached while resolving a field: the field is null, the error is coded
/// <c>DATABASE_UNAVAILABLE</c> with the request's correlation id, and never carries the driver's exception (it is logged).
/// </summary>
public sealed class DatabaseUnavailableError : ExecutionError
{
    public const string ErrorCode = "DATABASE_UNAVAILABLE";

    public const string DefaultMessage = "The database is unavailable. Try again later.";

    public DatabaseUnavailableError(string correlationId)
        : base(DefaultMessage)
    {
        Code = ErrorCode;
        CorrelationId = correlationId;
        Data[UnexpectedExecutionError.CorrelationIdKey] = correlationId;
    }

    public string CorrelationId { get; }
}
