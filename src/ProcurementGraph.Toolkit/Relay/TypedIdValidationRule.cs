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
    /// <summary>What the rule learnt of each document it walked: which variables give a typed ID argument its value.</summary>
    private static readonly ConditionalWeakTable<GraphQLDocument, Walked> Documents = new();

    /// <summary>
    /// The verdict depends on the request only through the variables that give a typed ID argument its value: without them every
    /// typed ID is a literal of the document, checked when it was kept (<c>node(id: $id)</c> takes an ID of any type). Which
    /// variables feed which typed ID arguments is learnt when the rule walks the document (one it has not walked is checked
    /// again); a request whose values of them are each an ID of the expected type, null or not an ID at all (the rule leaves
    /// those to the field) passes the rule as it stands. Anything else runs it: a value of another type (the rule's error), a
    /// variable left to its default, a value that is not a string, a variable inside a list or an input object.
    /// </summary>
    public bool VerdictStands(GraphQLDocument document, ExecutionOptions request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !KeptDocument.DeclaresVariables(document) || (Documents.TryGetValue(document, out var walked) && walked.Passes(request.Variables));
    }

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
            if (written?.Value is GraphQLVariable variable)
            {
                walked.Feeds(variable.Name.StringValue, expected);
            }
            else if (written is not null && HasVariable(written.Value))
            {
                walked.FeedsNested();
            }

            if (context.ArgumentValues?.TryGetValue(field, out var values) == true
                && values.TryGetValue(argument.Name, out var value) && value.Value is string id && OfOtherType(id, expected, out var actual))
            {
                context.ReportError(NodeIdErrors.TypeMismatch(context, (ASTNode?)written ?? field, actual, expected));
            }
        }
    }

    /// <summary>Whether <paramref name="id"/> is a well-formed global ID of a type other than <paramref name="expected"/> (a malformed one is the field's).</summary>
    private static bool OfOtherType(string id, string expected, out string actual) =>
        GlobalId.TryDecode(id, out actual, out _) && actual != expected;

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) == true,
        GraphQLObjectValue objectValue => objectValue.Fields?.Any(f => HasVariable(f.Value)) == true,
        _ => false,
    };

    /// <summary>The typed ID arguments' variables of one document: only ever added to (a document's arguments do not change).</summary>
    private sealed class Walked
    {
        private readonly HashSet<(string Variable, string Expected)> _feeds = [];
        private bool _nested;

        public void Feeds(string variable, string expected)
        {
            lock (_feeds)
            {
                _feeds.Add((variable, expected));
            }
        }

        public void FeedsNested()
        {
            lock (_feeds)
            {
                _nested = true;
            }
        }

        public bool Passes(Inputs? variables)
        {
            lock (_feeds)
            {
                if (_nested)
                {
                    return false;
                }

                foreach (var (variable, expected) in _feeds)
                {
                    if (variables is null || !variables.TryGetValue(variable, out var value))
                    {
                        return false;
                    }

                    if (value is not null && (value is not string id || OfOtherType(id, expected, out _)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
