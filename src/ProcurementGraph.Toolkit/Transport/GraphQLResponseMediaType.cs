namespace ProcurementGraph.Toolkit.Transport;

/// <summary>The media types a single GraphQL response can be written as.</summary>
public enum GraphQLResponseMediaType
{
    /// <summary>
    /// <c>application/graphql-response+json</c>: the status code reflects the outcome
    /// (400 when the request failed before execution, 200 once execution started).
    /// </summary>
    GraphQLResponseJson = 0,

    /// <summary>
    /// <c>application/json</c> (legacy): 200 for every well-formed GraphQL-over-HTTP request,
    /// whatever the GraphQL outcome.
    /// </summary>
    Json = 1,
}
