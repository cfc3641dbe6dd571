namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// An error that decides the HTTP status of a result without <c>data</c> under <c>application/graphql-response+json</c>
/// (HotChocolate's "status code in the result's context data"); <c>application/json</c> answers stay 200.
/// </summary>
public interface IGraphQLHttpStatusError
{
    int StatusCode { get; }
}
