using GraphQL.Validation;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Reported by <see cref="HttpGetOperationValidationRule"/>; the endpoint answers it with 405 and <c>Allow: POST</c>.</summary>
internal sealed class HttpGetOperationNotAllowedError : ValidationError
{
    public HttpGetOperationNotAllowedError()
        : base("Only query operations can be executed with GET; use POST for mutations and subscriptions.")
    {
        Code = GraphQLHttpErrorCodes.OperationNotAllowed;
    }
}
