using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>Errors of global IDs, with HotChocolate's messages (its <c>DefaultNodeIdSerializer</c> and <c>IdInputValueFormatter</c>) and our code.</summary>
public static class NodeIdErrors
{
    /// <summary>The code: HotChocolate's errors have none.</summary>
    public const string Code = "INVALID_ID";

    /// <summary>An ID that is not a global ID at all (HotChocolate's <c>NodeIdInvalidFormatException</c>).</summary>
    public static ExecutionError InvalidFormat(string id)
    {
        var error = new ExecutionError("The node ID string has an invalid format.") { Code = Code };
        error.Data["originalValue"] = id;
        return error;
    }

    /// <summary>A well-formed ID of another type where the argument takes one type (<c>[ID&lt;Supplier&gt;]</c> in HotChocolate).</summary>
    public static ValidationError TypeMismatch(ValidationContext context, ASTNode node, string actual, string expected)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = new ValidationError(
            context.Document.Source, null, $"The node id type name `{actual}` does not match the expected type name `{expected}`.", node)
        { Code = Code };
        error.Data["typeName"] = expected;
        return error;
    }
}
