using GraphQL;
using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Errors;

/// <summary>
/// Decorates an <see cref="IErrorInfoProvider"/>: unless <c>exposeExceptionDetails</c>, every <see cref="UnhandledError"/>
/// (an exception no resolver expected) is written as HotChocolate writes it, <c>"Unexpected Execution Error"</c>, with only
/// its <c>correlationId</c> in <c>extensions</c>: no exception type, message, code or stack trace. Other errors are the
/// inner provider's.
/// </summary>
public sealed class MaskingErrorInfoProvider(IErrorInfoProvider inner, bool exposeExceptionDetails) : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        if (exposeExceptionDetails || executionError is not UnhandledError)
        {
            return inner.GetInfo(executionError);
        }

        var correlationId = executionError.Data[UnexpectedExecutionError.CorrelationIdKey];
        return new ErrorInfo
        {
            Message = UnexpectedExecutionError.MaskedMessage,
            Extensions = correlationId is null ? null : new Dictionary<string, object?> { [UnexpectedExecutionError.CorrelationIdKey] = correlationId },
        };
    }
}
