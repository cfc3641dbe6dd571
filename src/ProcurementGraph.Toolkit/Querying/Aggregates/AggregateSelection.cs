using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Querying.Selection;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// What an aggregate connection asks for, under <c>nodes</c> and <c>edges.node</c> (fragments and directives applied):
/// the aggregate values (function and measure or key), the selections of object keys, and <c>totalCount</c>.
/// </summary>
internal sealed record AggregateSelection(
    bool TotalCount, List<(AggregateFunction Function, string Name)> Values, Dictionary<string, List<GraphQLSelectionSet>> Objects)
{
    public static AggregateSelection Of(IResolveFieldContext context, IComplexGraphType connectionType)
    {
        var groupSets = new List<GraphQLSelectionSet>();
        var totalCount = false;
        IComplexGraphType? groupType = null;
        foreach (var field in SelectionCollector.Collect(context, connectionType, [context.FieldAst.SelectionSet!]))
        {
            switch (field.Definition.Name)
            {
                case "nodes":
                    groupType = (IComplexGraphType)field.Definition.ResolvedType!.GetNamedType();
                    groupSets.AddRange(field.SelectionSets);
                    break;
                case "edges":
                    var edgeType = (IComplexGraphType)field.Definition.ResolvedType!.GetNamedType();
                    foreach (var node in SelectionCollector.Collect(context, edgeType, field.SelectionSets).Where(f => f.Definition.Name == "node"))
                    {
                        groupType = (IComplexGraphType)node.Definition.ResolvedType!.GetNamedType();
                        groupSets.AddRange(node.SelectionSets);
                    }

                    break;
                case "totalCount":
                    totalCount = true;
                    break;
            }
        }

        var values = new List<(AggregateFunction, string)>();
        var objects = new Dictionary<string, List<GraphQLSelectionSet>>(StringComparer.Ordinal);
        if (groupType is null)
        {
            return new AggregateSelection(totalCount, values, objects);
        }

        foreach (var field in SelectionCollector.Collect(context, groupType, groupSets))
        {
            var type = field.Definition.ResolvedType!.GetNamedType() as IComplexGraphType;
            if (field.Definition.Name == "key" && type is not null)
            {
                foreach (var key in SelectionCollector.Collect(context, type, field.SelectionSets).Where(k => k.SelectionSets.Count > 0))
                {
                    if (!objects.TryGetValue(key.Definition.Name, out var sets))
                    {
                        objects[key.Definition.Name] = sets = [];
                    }

                    sets.AddRange(key.SelectionSets);
                }
            }
            else if (AggregateNames.Function(field.Definition.Name) is { } function and not AggregateFunction.Count && type is not null)
            {
                values.AddRange(SelectionCollector.Collect(context, type, field.SelectionSets).Select(v => (function, v.Definition.Name)));
            }
        }

        return new AggregateSelection(totalCount, [.. values.Distinct()], objects);
    }
}
