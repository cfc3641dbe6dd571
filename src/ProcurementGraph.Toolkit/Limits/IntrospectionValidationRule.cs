using GraphQL;
using GraphQL.Validation;
using ProcurementGraph.Toolkit.Documents;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> to callers who are not authenticated when
/// <see cref="GraphQLLimitsOptions.IntrospectionRequiresAuthentication"/> is set (<c>HC0046</c>, at the first such field).
/// <c>__typename</c> stays allowed, as in HotChocolate.
/// </summary>
public sealed class IntrospectionValidationRule(GraphQLLimitsOptions options) : ValidationRuleBase, IStandingVerdictRule
{
    /// <summary>The verdict depends on the caller only for a document that selects <c>__schema</c> or <c>__type</c> at its root.</summary>
    public bool VerdictStands(GraphQLDocument document, ExecutionOptions request)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(request);
        if (!options.IntrospectionRequiresAuthentication || request.User?.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        var fragments = Fragments(document);
        return !document.Definitions.OfType<GraphQLOperationDefinition>()
            .Any(operation => FindIntrospection(operation.SelectionSet, fragments, new HashSet<string>(StringComparer.Ordinal)) is not null);
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.IntrospectionRequiresAuthentication
            || context.User?.Identity?.IsAuthenticated == true
            || context.Operation.Operation != OperationType.Query)
        {
            return default;
        }

        var fragments = Fragments(context.Document);
        if (FindIntrospection(context.Operation.SelectionSet, fragments, new HashSet<string>(StringComparer.Ordinal)) is { } field)
        {
            context.ReportError(new IntrospectionNotAllowedError(context.Document.Source, field));
        }

        return default;
    }

    private static Dictionary<string, GraphQLFragmentDefinition> Fragments(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The first <c>__schema</c> or <c>__type</c> among the root fields, fragments included.</summary>
    private static GraphQLField? FindIntrospection(
        GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                GraphQLField field when field.Name.StringValue is "__schema" or "__type" => field,
                GraphQLInlineFragment inline => FindIntrospection(inline.SelectionSet, fragments, visited),
                GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                    && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) =>
                    FindIntrospection(fragment.SelectionSet, fragments, visited),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
