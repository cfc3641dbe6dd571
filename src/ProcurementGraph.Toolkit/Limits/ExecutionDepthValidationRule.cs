using GraphQL;
using GraphQL.Validation;
using ProcurementGraph.Toolkit.Documents;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// HotChocolate's max execution depth rule: the selected operation may nest fields at most
/// <see cref="GraphQLLimitsOptions.MaxExecutionDepth"/> deep, every field (leaves and introspection fields included) counting one
/// level, through fragments. The depth of each fragment is computed once, so nested fragments cost no more than the document.
/// </summary>
public sealed class ExecutionDepthValidationRule(GraphQLLimitsOptions options) : ValidationRuleBase, IStandingVerdictRule
{
    /// <summary>The depth is the document's alone: a kept document passed it already.</summary>
    public bool VerdictStands(GraphQLDocument document, ExecutionOptions request) => true;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var depth = new DepthCounter(fragments).Depth(context.Operation.SelectionSet);
        if (depth > options.MaxExecutionDepth)
        {
            context.ReportError(new MaxExecutionDepthError(context.Document.Source, context.Operation, options.MaxExecutionDepth, depth));
        }

        return default;
    }

    private sealed class DepthCounter(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

        public int Depth(GraphQLSelectionSet set)
        {
            var max = 0;
            foreach (var selection in set.Selections)
            {
                var depth = selection switch
                {
                    GraphQLField field => 1 + (field.SelectionSet is { } children ? Depth(children) : 0),
                    GraphQLInlineFragment inline => Depth(inline.SelectionSet),
                    GraphQLFragmentSpread spread => FragmentDepth(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                max = Math.Max(max, depth);
            }

            return max;
        }

        private int FragmentDepth(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known))
            {
                return known;
            }

            // An unknown fragment or a cycle is another rule's error; it adds no depth here.
            if (!fragments.TryGetValue(name, out var fragment) || !_entered.Add(name))
            {
                return 0;
            }

            var depth = Depth(fragment.SelectionSet);
            _entered.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }
}
