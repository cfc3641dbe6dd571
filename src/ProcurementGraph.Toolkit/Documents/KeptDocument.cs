using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>What rules for kept documents ask of a document without walking it (<see cref="IStandingVerdictRule"/>).</summary>
public static class KeptDocument
{
    /// <summary>Whether an operation of the document declares variables (then a request's values can change a rule's verdict).</summary>
    public static bool DeclaresVariables(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition { Variables.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }
}
