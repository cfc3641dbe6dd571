namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>HotChocolate's authorization error codes (<c>extensions.code</c>), used unchanged so its clients understand them.</summary>
public static class GraphQLAuthorizationErrorCodes
{
    /// <summary>The caller is not authenticated (field error, or HTTP 401 on the endpoint).</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The caller is authenticated but not allowed (field error, or HTTP 403 on the endpoint).</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>A field names an authorization policy that is not registered (a server configuration error).</summary>
    public const string PolicyNotFound = "AUTH_POLICY_NOT_FOUND";
}
