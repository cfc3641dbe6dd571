using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Querying.Selection;

/// <summary>
/// Collects the fields a selection set asks of a type, as the executor does: fragments and inline fragments
/// whose type condition applies, <c>@skip</c>/<c>@include</c> evaluated, fields merged by response name.
/// </summary>
public static class SelectionCollector
{
    public static List<FieldSelection> Collect(IResolveFieldContext context, IComplexGraphType type, IEnumerable<GraphQLSelectionSet> selectionSets)
    {
        var fields = new Dictionary<string, FieldSelection>(StringComparer.Ordinal);
        var ordered = new List<FieldSelection>();
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(context, type, selectionSet, fields, ordered);
        }

        return ordered;
    }

    private static void CollectInto(
        IResolveFieldContext context, IComplexGraphType type, GraphQLSelectionSet selectionSet,
        Dictionary<string, FieldSelection> fields, List<FieldSelection> ordered)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection is IHasDirectivesNode node && !IsIncluded(context, node))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    Add(type, field, fields, ordered);
                    break;
                case GraphQLFragmentSpread spread:
                    var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                    if (fragment is not null && Applies(type, fragment.TypeCondition))
                    {
                        CollectInto(context, type, fragment.SelectionSet, fields, ordered);
                    }

                    break;
                case GraphQLInlineFragment inline when inline.TypeCondition is null || Applies(type, inline.TypeCondition):
                    CollectInto(context, type, inline.SelectionSet, fields, ordered);
                    break;
            }
        }
    }

    private static void Add(IComplexGraphType type, GraphQLField field, Dictionary<string, FieldSelection> fields, List<FieldSelection> ordered)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal) || type.GetField(name) is not { } definition)
        {
            return;
        }

        var responseName = field.Alias?.Name.StringValue ?? name;
        if (!fields.TryGetValue(responseName, out var selection))
        {
            selection = new FieldSelection(responseName, field, definition) { ParentTypeName = type.Name };
            fields.Add(responseName, selection);
            ordered.Add(selection);
        }
        else if (selection.Definition != definition)
        {
            throw new ExecutionError($"The response name `{responseName}` selects different fields of `{type.Name}` (in `nodes` and `edges.node`); use distinct aliases.")
            {
                Code = "SELECTION_CONFLICT",
            };
        }

        if (field.SelectionSet is not null)
        {
            selection.SelectionSets.Add(field.SelectionSet);
        }
    }

    private static bool Applies(IComplexGraphType type, GraphQLTypeCondition condition)
    {
        var name = condition.Type.Name.StringValue;
        return name == type.Name || (type is IObjectGraphType objectType && objectType.ResolvedInterfaces.Any(i => i.Name == name));
    }

    private static bool IsIncluded(IResolveFieldContext context, IHasDirectivesNode node)
    {
        if (node.Directives is null)
        {
            return true;
        }

        foreach (var directive in node.Directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name is "skip" or "include" && directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if") is { } argument)
            {
                var value = argument.Value switch
                {
                    GraphQLBooleanValue boolean => boolean.BoolValue,
                    GraphQLVariable variable => context.Variables?.FirstOrDefault(v => v.Name == variable.Name.StringValue)?.Value as bool? ?? false,
                    _ => false,
                };
                if (value == (name == "skip"))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
