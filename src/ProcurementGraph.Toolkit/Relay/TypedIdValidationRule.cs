using GraphQL;
using GraphQL.Validation;
using ProcurementGraph.Toolkit.Documents;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Relay;

/// <summary>
/// Refuses a well-formed global ID of another type in a <see cref="TypedIdArgument"/> (<c>supplier(id: &lt;a Contract's ID&gt;)</c>)
/// before execution, as HotChocolate's ID formatter does while it coerces the arguments: HTTP 400, no <c>data</c>. A malformed
/// ID is left to the field (null, as an ID of nothing).
/// </summary>
public sealed class TypedIdValidationRule : ValidationRuleBase, IStandingVerdictRule
{
    /// <summary>Without variables every ID is a literal of the document, checked when it was kept.</summary>
    public bool VerdictStands(GraphQLDocument document, ExecutionOptions request) => !KeptDocument.DeclaresVariables(document);

    public static readonly TypedIdValidationRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ArgumentValues is null
            ? default
            : new(new MatchingNodeVisitor<GraphQLField>(static (field, ctx) => Check(field, ctx)));
    }

    private static void Check(GraphQLField field, ValidationContext context)
    {
        if (context.TypeInfo.GetFieldDef() is not { Arguments: { } arguments } || context.ArgumentValues?.TryGetValue(field, out var values) != true)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.GetMetadata<string>(TypedIdArgument.MetadataKey) is { } expected
                && values!.TryGetValue(argument.Name, out var value) && value.Value is string id
                && GlobalId.TryDecode(id, out var actual, out _) && actual != expected)
            {
                context.ReportError(NodeIdErrors.TypeMismatch(context, (ASTNode?)field.Arguments?.FirstOrDefault(a => a.Name.Value == argument.Name) ?? field, actual, expected));
            }
        }
    }
}
