using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>
/// What makes two document texts "the same document as a client prints it": the document printed again from its syntax
/// tree (so whitespace, commas and comments do not count), without the <c>__typename</c> fields clients add to every
/// selection set (Apollo Client's cache, Relay, urql) where the set has other fields, its operations and fragments in
/// one order (operations first, then by name: what <c>@apollo/persisted-query-lists</c>' <c>sortTopLevelDefinitions</c>
/// does before Apollo's manifest generator prints a document; a client prints them in the order they were written).
/// </summary>
internal static class DocumentFingerprint
{
    private static readonly SDLPrinter Printer = new(new SDLPrinterOptions { PrintComments = false, PrintDescriptions = false });

    /// <summary>The fingerprint of <paramref name="text"/>; null when it is not a GraphQL document.</summary>
    public static string? Of(string text)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException)
        {
            return null; // a syntax error, or a document nested deeper than the parser allows
        }

        foreach (var definition in document.Definitions)
        {
            Strip(definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            });
        }

        // Order is stable, so definitions of the same kind and name (an invalid document) keep theirs.
        List<ASTNode> ordered = [.. document.Definitions.OrderBy(Rank).ThenBy(Name, StringComparer.Ordinal)];
        document.Definitions.Clear();
        document.Definitions.AddRange(ordered);
        return Printer.Print(document);
    }

    private static int Rank(ASTNode definition) => definition switch
    {
        GraphQLOperationDefinition => 0,
        GraphQLFragmentDefinition => 1,
        _ => 2,
    };

    private static string Name(ASTNode definition) => definition switch
    {
        GraphQLOperationDefinition { Name: { } name } => name.StringValue,
        GraphQLFragmentDefinition fragment => fragment.FragmentName.Name.StringValue,
        _ => string.Empty,
    };

    private static void Strip(GraphQLSelectionSet? set)
    {
        if (set is null)
        {
            return;
        }

        if (set.Selections.Count > 1)
        {
            set.Selections.RemoveAll(s => s is GraphQLField { Alias: null, Arguments: null, Directives: null, SelectionSet: null } f
                && f.Name.Value == "__typename");
            if (set.Selections.Count == 0)
            {
                set.Selections.Add(new GraphQLField(new GraphQLName("__typename")));
            }
        }

        foreach (var selection in set.Selections)
        {
            Strip(selection switch
            {
                GraphQLField field => field.SelectionSet,
                GraphQLInlineFragment fragment => fragment.SelectionSet,
                _ => null,
            });
        }
    }
}
