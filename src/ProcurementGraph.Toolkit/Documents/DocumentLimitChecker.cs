using GraphQLParser;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// Checks a document against <see cref="DocumentLimitsOptions"/> in time linear in its size: the tokens before parsing
/// (<see cref="CheckTokens"/>), then one walk over the parsed tree (<see cref="CheckTree"/>), fragment expansion counted once
/// per fragment.
/// </summary>
internal static class DocumentLimitChecker
{
    /// <summary>Counts the lexical tokens of <paramref name="text"/> and stops at the first one over the limit.</summary>
    public static void CheckTokens(string text, DocumentLimitsOptions limits)
    {
        ROM source = text;
        var position = 0;
        var count = 0;
        while (true)
        {
            Token token;
            try
            {
                token = Lexer.Lex(source, position);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return; // not a valid document: the parser reports it
            }

            if (token.Kind == TokenKind.EOF)
            {
                return;
            }

            if (++count > limits.MaxTokens)
            {
                throw DocumentLimitError.Tokens(limits.MaxTokens);
            }

            position = token.End;
        }
    }

    /// <summary>Counts fields, fragments, spreads, operations, aliases and directives, then each operation's expanded size.</summary>
    public static void CheckTree(GraphQLDocument document, DocumentLimitsOptions limits)
    {
        var counter = new TreeCounter(limits);
        var operations = new List<GraphQLOperationDefinition>();
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    if (operations.Count == limits.MaxOperations)
                    {
                        throw DocumentLimitError.Operations(limits.MaxOperations);
                    }

                    operations.Add(operation);
                    counter.Directives(operation.Directives);
                    foreach (var variable in operation.Variables?.Items ?? [])
                    {
                        counter.Directives(variable.Directives);
                    }

                    counter.SelectionSet(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    if (fragments.Count == limits.MaxFragments)
                    {
                        throw DocumentLimitError.Fragments(limits.MaxFragments);
                    }

                    fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
                    counter.Directives(fragment.Directives);
                    counter.SelectionSet(fragment.SelectionSet);
                    break;
            }
        }

        var expansion = new ExpansionCounter(fragments, limits.MaxExpandedFields);
        foreach (var operation in operations)
        {
            if (expansion.Size(operation.SelectionSet) > limits.MaxExpandedFields)
            {
                throw DocumentLimitError.ExpandedFields(limits.MaxExpandedFields);
            }
        }
    }

    private sealed class TreeCounter(DocumentLimitsOptions limits)
    {
        private int _fields;
        private int _spreads;

        public void SelectionSet(GraphQLSelectionSet set)
        {
            var aliases = 0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (++_fields > limits.MaxFields)
                        {
                            throw DocumentLimitError.Fields(limits.MaxFields);
                        }

                        if (field.Alias is not null && ++aliases > limits.MaxAliases)
                        {
                            throw DocumentLimitError.Aliases(limits.MaxAliases);
                        }

                        Directives(field.Directives);
                        if (field.SelectionSet is { } children)
                        {
                            SelectionSet(children);
                        }

                        break;
                    case GraphQLFragmentSpread spread:
                        if (++_spreads > limits.MaxFragmentSpreads)
                        {
                            throw DocumentLimitError.FragmentSpreads(limits.MaxFragmentSpreads);
                        }

                        Directives(spread.Directives);
                        break;
                    case GraphQLInlineFragment inline:
                        Directives(inline.Directives);
                        SelectionSet(inline.SelectionSet);
                        break;
                }
            }
        }

        public void Directives(GraphQLDirectives? directives)
        {
            if (directives is { Count: var count } && count > limits.MaxDirectives)
            {
                throw DocumentLimitError.Directives(limits.MaxDirectives);
            }
        }
    }

    /// <summary>Field selections with fragments expanded; each fragment's size computed once, sums saturated past the limit.</summary>
    private sealed class ExpansionCounter(Dictionary<string, GraphQLFragmentDefinition> fragments, int limit)
    {
        private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

        public long Size(GraphQLSelectionSet set)
        {
            long size = 0;
            foreach (var selection in set.Selections)
            {
                size += selection switch
                {
                    GraphQLField field => 1 + (field.SelectionSet is { } children ? Size(children) : 0),
                    GraphQLInlineFragment inline => Size(inline.SelectionSet),
                    GraphQLFragmentSpread spread => FragmentSize(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                if (size > limit)
                {
                    return limit + 1L; // saturate: the caller refuses the document, larger sums cannot overflow
                }
            }

            return size;
        }

        private long FragmentSize(string name)
        {
            if (_sizes.TryGetValue(name, out var known))
            {
                return known;
            }

            // An unknown fragment or a cycle is a validation error of its own; it adds nothing here.
            if (!fragments.TryGetValue(name, out var fragment) || !_entered.Add(name))
            {
                return 0;
            }

            var size = Size(fragment.SelectionSet);
            _entered.Remove(name);
            _sizes[name] = size;
            return size;
        }
    }
}
