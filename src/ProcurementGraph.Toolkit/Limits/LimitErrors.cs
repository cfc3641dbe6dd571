using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>The codes of the limit errors: HotChocolate's where it has one, ours where it has none.</summary>
public static class LimitErrorCodes
{
    /// <summary>HotChocolate's code for a request whose field or type cost is over the limit.</summary>
    public const string CostExceeded = "HC0047";

    /// <summary>HotChocolate's code for introspection refused to the caller.</summary>
    public const string IntrospectionNotAllowed = "HC0046";

    /// <summary>Ours: HotChocolate's max-execution-depth error carries no code.</summary>
    public const string MaxExecutionDepth = "MAX_EXECUTION_DEPTH";
}

/// <summary>"The maximum allowed field cost was exceeded." / "… type cost …" (<c>HC0047</c>), before execution, no locations.</summary>
public sealed class CostExceededError : ValidationError
{
    private CostExceededError(string message)
        : base(message)
    {
        Code = LimitErrorCodes.CostExceeded;
    }

    public static CostExceededError FieldCost(double fieldCost, double maxFieldCost)
    {
        var error = new CostExceededError("The maximum allowed field cost was exceeded.");
        error.Data["fieldCost"] = fieldCost;
        error.Data["maxFieldCost"] = maxFieldCost;
        return error;
    }

    public static CostExceededError TypeCost(double typeCost, double maxTypeCost)
    {
        var error = new CostExceededError("The maximum allowed type cost was exceeded.");
        error.Data["typeCost"] = typeCost;
        error.Data["maxTypeCost"] = maxTypeCost;
        return error;
    }
}

/// <summary>HotChocolate's execution-depth error, located at the operation, with our code.</summary>
public sealed class MaxExecutionDepthError : ValidationError
{
    public MaxExecutionDepthError(ROM source, GraphQLOperationDefinition operation, int allowed, int detected)
        : base(source, null, $"The GraphQL document has an execution depth of {detected} which exceeds the max allowed execution depth of {allowed}.", operation)
    {
        Code = LimitErrorCodes.MaxExecutionDepth;
        Data["allowedExecutionDepth"] = allowed;
        Data["detectedExecutionDepth"] = detected;
    }
}

/// <summary>"Introspection is not allowed for the current request." (<c>HC0046</c>), located at the field, naming it.</summary>
public sealed class IntrospectionNotAllowedError : ValidationError
{
    public IntrospectionNotAllowedError(ROM source, GraphQLField field)
        : base(source, null, "Introspection is not allowed for the current request.", field)
    {
        ArgumentNullException.ThrowIfNull(field);
        Code = LimitErrorCodes.IntrospectionNotAllowed;
        Data["field"] = field.Name.StringValue;
    }
}

/// <summary>
/// Stops a <c>GraphQL-Cost: validate</c> request after the cost analysis; <see cref="GraphQLLimitsExecution"/> replaces
/// the result with the costs. Never reaches a client.
/// </summary>
internal sealed class CostValidatedSignal : ValidationError
{
    public CostValidatedSignal()
        : base("The operation's cost was analysed; it is not executed.")
    {
    }
}
