using System.Text.Json;
using GraphQLParser;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Authorization;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// Collects the fields of a selection set for one object type exactly as GraphQL.NET's executor does (CollectFields of the
/// spec): fields in document order, fragments and inline fragments whose type condition applies, <c>@skip</c>/<c>@include</c>
/// with the request's directive values, each fragment spread once, fields merged by response name.
/// </summary>
internal static class ResultPlanCompiler
{
    public static ObjectPlan Compile(ExecutionContext context, IObjectGraphType type, IEnumerable<GraphQLSelectionSet> selectionSets, JsonSerializerOptions options)
    {
        var byName = new Dictionary<string, FieldPlan>(StringComparer.Ordinal);
        var ordered = new List<FieldPlan>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
        {
            Collect(context, type, selectionSet, byName, ordered, visited, options);
        }

        return new ObjectPlan(type, [.. ordered]);
    }

    /// <summary>The plan of a root field: its selection set, merged by the executor already.</summary>
    public static FieldPlan Root(ExecutionNode node, JsonSerializerOptions options)
    {
        var plan = new FieldPlan(node.Name!, Encode(node.Name!, options), node.FieldDefinition, ruled: false);
        if (node.Field.SelectionSet is { } selectionSet)
        {
            plan.SelectionSets.Add(selectionSet);
        }

        return plan;
    }

    private static void Collect(
        ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet, Dictionary<string, FieldPlan> byName,
        List<FieldPlan> ordered, HashSet<string> visited, JsonSerializerOptions options)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when Included(context, field):
                    Add(context, type, field, byName, ordered, options);
                    break;
                case GraphQLFragmentSpread spread when !visited.Contains(spread.FragmentName.Name.StringValue) && Included(context, spread):
                    visited.Add(spread.FragmentName.Name.StringValue);
                    if (context.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                        && Included(context, fragment) && Applies(context, fragment.TypeCondition.Type.Name.StringValue, type))
                    {
                        Collect(context, type, fragment.SelectionSet, byName, ordered, visited, options);
                    }

                    break;
                case GraphQLInlineFragment inline when Included(context, inline)
                    && (inline.TypeCondition is null || Applies(context, inline.TypeCondition.Type.Name.StringValue, type)):
                    Collect(context, type, inline.SelectionSet, byName, ordered, visited, options);
                    break;
            }
        }
    }

    private static void Add(
        ExecutionContext context, IObjectGraphType type, GraphQLField field, Dictionary<string, FieldPlan> byName, List<FieldPlan> ordered,
        JsonSerializerOptions options)
    {
        var name = field.Name.StringValue;
        var definition = name == "__typename"
            ? context.Schema.TypeNameMetaFieldType
            : type.GetField(name) ?? throw new NotCompiledException($"{type.Name} has no field {name}.");
        var responseName = field.Alias?.Name.StringValue ?? name;
        if (!byName.TryGetValue(responseName, out var plan))
        {
            var ruled = !name.StartsWith("__", StringComparison.Ordinal) && FieldAuthorizationRule.For(context.Schema, type, definition) is not null;
            plan = new FieldPlan(responseName, Encode(responseName, options), definition, ruled);
            byName.Add(responseName, plan);
            ordered.Add(plan);
        }

        if (field.SelectionSet is not null)
        {
            plan.SelectionSets.Add(field.SelectionSet);
        }
    }

    /// <summary>
    /// The executor's <c>ShouldIncludeNode</c>: <c>@skip</c> and <c>@include</c> with the request's variable values, read from the
    /// node's own arguments (a plan's selection sets may come from an earlier request's parse of the same text, so the
    /// engine's per-request directive values, keyed by the current parse's nodes, cannot be used).
    /// </summary>
    private static bool Included<TNode>(ExecutionContext context, TNode node)
        where TNode : ASTNode, IHasDirectivesNode
    {
        if (node.Directives is null)
        {
            return true;
        }

        foreach (var directive in node.Directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include") || directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if") is not { } argument)
            {
                continue;
            }

            var value = argument.Value switch
            {
                GraphQLBooleanValue literal => literal.BoolValue,
                GraphQLVariable variable => context.Variables.Find(variable.Name.Value)?.Value is bool given
                    ? given
                    : throw new NotCompiledException($"The variable ${variable.Name.StringValue} of @{name} has no Boolean value."),
                _ => throw new NotCompiledException($"@{name} has no Boolean argument."),
            };
            if (value == (name == "skip"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The executor's <c>DoesFragmentConditionMatch</c>.</summary>
    private static bool Applies(ExecutionContext context, string condition, IObjectGraphType type) =>
        context.Schema.AllTypes[condition] switch
        {
            null => false,
            var conditional when conditional.Equals(type) => true,
            IAbstractGraphType abstractType => abstractType.IsPossibleType(type),
            _ => false,
        };

    private static JsonEncodedText Encode(string responseName, JsonSerializerOptions options) =>
        JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(responseName) ?? responseName, options.Encoder);
}
