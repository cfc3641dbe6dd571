namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Media type strings used by the GraphQL-over-HTTP endpoint.</summary>
internal static class GraphQLHttpMediaTypes
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string JsonUtf8 = "application/json; charset=utf-8";
    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";

    public static string ToContentType(GraphQLResponseMediaType mediaType) =>
        mediaType == GraphQLResponseMediaType.Json ? JsonUtf8 : GraphQLResponseJsonUtf8;
}
