using System.Runtime.CompilerServices;
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
    /// <summary>What the rule learnt of each document it walked: whether a variable gives a typed ID argument its value.</summary>
    private static readonly ConditionalWeakTable<GraphQLDocument, Walked> Documents = new();

    /// <summary>
    /// The verdict depends on the request only through the variables that give a typed ID argument its value: without them every
    /// typed ID is a literal of the document, checked when it was kept (<c>node(id: $id)</c> takes an ID of any type). Which
    /// arguments a variable feeds is learnt when the rule walks the document; one it has not walked is checked again.
    /// </summary>
    public bool VerdictStands(GraphQLDocument document, ExecutionOptions request) =>
        !KeptDocument.DeclaresVariables(document) || (Documents.TryGetValue(document, out var walked) && !walked.VariableTypedId);

    public static readonly TypedIdValidationRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ArgumentValues is null)
        {
            return default;
        }

        var walked = Documents.GetValue(context.Document, static _ => new Walked());
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) => Check(field, ctx, walked)));
    }

    private static void Check(GraphQLField field, ValidationContext context, Walked walked)
    {
        if (context.TypeInfo.GetFieldDef() is not { Arguments: { } arguments })
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.GetMetadata<string>(TypedIdArgument.MetadataKey) is not { } expected)
            {
                continue;
            }

            var written = field.Arguments?.FirstOrDefault(a => a.Name.Value == argument.Name);
            if (written is not null && HasVariable(written.Value))
            {
                walked.VariableTypedId = true;
            }

            if (context.ArgumentValues?.TryGetValue(field, out var values) == true
                && values.TryGetValue(argument.Name, out var value) && value.Value is string id
                && GlobalId.TryDecode(id, out var actual, out _) && actual != expected)
            {
                context.ReportError(NodeIdErrors.TypeMismatch(context, (ASTNode?)written ?? field, actual, expected));
            }
        }
    }

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) == true,
        GraphQLObjectValue objectValue => objectValue.Fields?.Any(f => HasVariable(f.Value)) == true,
        _ => false,
    };

    /// <summary>Set once, never cleared: a document's arguments do not change.</summary>
    private sealed class Walked
    {
        public volatile bool VariableTypedId;
    }
}
