using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>URL</c> scalar, the one it binds <see cref="Uri"/> to (GraphQL.NET calls it <c>Uri</c>).</summary>
public sealed class UrlGraphType : UriGraphType
{
    public UrlGraphType()
    {
        Name = "URL";
        Description = "The `URL` scalar type represents an absolute URL (RFC 3986), e.g. `\"https://example.com/a?b=c\"`.";
    }
}
