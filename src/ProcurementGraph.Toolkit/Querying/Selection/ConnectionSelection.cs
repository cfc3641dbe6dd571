using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Querying.Selection;

/// <summary>What a connection field asks for: the node fields (under <c>nodes</c> and <c>edges.node</c>) and <c>totalCount</c>.</summary>
public sealed record ConnectionSelection(List<FieldSelection> NodeFields, bool TotalCount)
{
    public static ConnectionSelection Of(IResolveFieldContext context, IComplexGraphType connectionType, IComplexGraphType nodeType, IEnumerable<GraphQLSelectionSet> selectionSets)
    {
        var nodeSets = new List<GraphQLSelectionSet>();
        var totalCount = false;
        foreach (var field in SelectionCollector.Collect(context, connectionType, selectionSets))
        {
            switch (field.Definition.Name)
            {
                case "nodes":
                    nodeSets.AddRange(field.SelectionSets);
                    break;
                case "edges":
                    var edgeType = (IComplexGraphType)field.Definition.ResolvedType!.GetNamedType();
                    nodeSets.AddRange(SelectionCollector.Collect(context, edgeType, field.SelectionSets)
                        .Where(f => f.Definition.Name == "node")
                        .SelectMany(f => f.SelectionSets));
                    break;
                case "totalCount":
                    totalCount = true;
                    break;
            }
        }

        return new ConnectionSelection(SelectionCollector.Collect(context, nodeType, nodeSets), totalCount);
    }
}
