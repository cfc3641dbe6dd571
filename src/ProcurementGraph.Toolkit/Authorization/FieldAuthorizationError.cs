using GraphQL;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>The error a denied field carries on its path (HotChocolate's message and codes); the field is null.</summary>
public sealed class FieldAuthorizationError : ExecutionError
{
    public const string DefaultMessage = "The current user is not authorized to access this resource.";

    public FieldAuthorizationError(FieldAuthorizationResult result)
        : base(DefaultMessage)
    {
        Result = result;
        Code = result switch
        {
            FieldAuthorizationResult.NotAuthenticated => GraphQLAuthorizationErrorCodes.NotAuthenticated,
            FieldAuthorizationResult.PolicyNotFound => GraphQLAuthorizationErrorCodes.PolicyNotFound,
            _ => GraphQLAuthorizationErrorCodes.NotAuthorized,
        };
    }

    public FieldAuthorizationError()
        : this(FieldAuthorizationResult.NotAuthorized)
    {
    }

    public FieldAuthorizationError(string message)
        : base(message)
    {
        Code = GraphQLAuthorizationErrorCodes.NotAuthorized;
    }

    public FieldAuthorizationError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = GraphQLAuthorizationErrorCodes.NotAuthorized;
    }

    /// <summary>Why the field was denied.</summary>
    public FieldAuthorizationResult Result { get; } = FieldAuthorizationResult.NotAuthorized;
}
