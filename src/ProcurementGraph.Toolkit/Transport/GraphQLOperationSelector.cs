using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Picks the operation a request executes, as the GraphQL spec's GetOperation does.</summary>
internal static class GraphQLOperationSelector
{
    /// <summary>
    /// Returns the operation named <paramref name="operationName"/>, or the only operation when no name is given;
    /// <see langword="null"/> when there is no such operation (the executer then reports the error).
    /// </summary>
    public static GraphQLOperationDefinition? Select(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (operationName is null)
            {
                if (selected is not null)
                {
                    return null; // several operations and no name
                }

                selected = operation;
            }
            else if (operation.Name is not null && operation.Name.Value == operationName)
            {
                return operation;
            }
        }

        return operationName is null ? selected : null;
    }
}
