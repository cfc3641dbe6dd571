using System.Globalization;
using GraphQL;
using Microsoft.AspNetCore.Http;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Execution;

/// <summary>
/// The request ran longer than the configured execution timeout: HotChocolate's <c>HC0045</c> with its message
/// ("The request exceeded the configured timeout of `00:00:30`."), no <c>data</c>. Under
/// <c>application/graphql-response+json</c> the status is 503 (HotChocolate: 500); <c>application/json</c> stays 200.
/// </summary>
public sealed class ExecutionTimeoutError : ExecutionError, IGraphQLHttpStatusError
{
    public const string ErrorCode = "HC0045";

    public ExecutionTimeoutError(TimeSpan timeout)
        : base(string.Create(CultureInfo.InvariantCulture, $"The request exceeded the configured timeout of `{timeout:c}`."))
    {
        Code = ErrorCode;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public int StatusCode => StatusCodes.Status503ServiceUnavailable;
}
