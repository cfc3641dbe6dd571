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

    /// <summary>The named type of each variable the document's operations declare (<c>Int</c> for <c>$n: [Int!]!</c>).</summary>
    public static IEnumerable<string> VariableTypeNames(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition { Variables: { } variables })
            {
                foreach (var variable in variables.Items)
                {
                    yield return NamedType(variable.Type);
                }
            }
        }
    }

    private static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLListType list => NamedType(list.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a GraphQL type."),
    };
}
