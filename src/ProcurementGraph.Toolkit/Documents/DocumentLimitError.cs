using System.Globalization;
using GraphQL.Execution;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// A document over one of the <see cref="DocumentLimitsOptions"/>: refused before validation, with a code per limit and the
/// limit in <c>extensions.limit</c>. HotChocolate refuses such documents as syntax errors without a code of their own.
/// </summary>
public sealed class DocumentLimitError : DocumentError
{
    public const string TokensCode = "MAX_TOKENS_EXCEEDED";
    public const string FieldsCode = "MAX_FIELDS_EXCEEDED";
    public const string ExpandedFieldsCode = "MAX_EXPANDED_FIELDS_EXCEEDED";
    public const string FragmentsCode = "MAX_FRAGMENTS_EXCEEDED";
    public const string FragmentSpreadsCode = "MAX_FRAGMENT_SPREADS_EXCEEDED";
    public const string OperationsCode = "MAX_OPERATIONS_EXCEEDED";
    public const string AliasesCode = "MAX_ALIASES_EXCEEDED";
    public const string DirectivesCode = "MAX_DIRECTIVES_EXCEEDED";

    private DocumentLimitError(string code, string message, int limit)
        : base(message)
    {
        Code = code;
        Data["limit"] = limit;
    }

    public static DocumentLimitError Tokens(int limit) =>
        Create(TokensCode, "The document contains more than {0} tokens. Parsing aborted.", limit);

    public static DocumentLimitError Fields(int limit) =>
        Create(FieldsCode, "The document contains more than {0} fields. Parsing aborted.", limit);

    public static DocumentLimitError ExpandedFields(int limit) =>
        Create(ExpandedFieldsCode, "An operation of the document selects more than {0} fields once its fragments are expanded.", limit);

    public static DocumentLimitError Fragments(int limit) =>
        Create(FragmentsCode, "The document defines more than {0} fragments.", limit);

    public static DocumentLimitError FragmentSpreads(int limit) =>
        Create(FragmentSpreadsCode, "The document contains more than {0} fragment spreads.", limit);

    public static DocumentLimitError Operations(int limit) =>
        Create(OperationsCode, "The document defines more than {0} operations.", limit);

    public static DocumentLimitError Aliases(int limit) =>
        Create(AliasesCode, "A selection set of the document has more than {0} aliased fields.", limit);

    public static DocumentLimitError Directives(int limit) =>
        Create(DirectivesCode, "A location of the document has more than {0} directives.", limit);

    private static DocumentLimitError Create(string code, string format, int limit) =>
        new(code, string.Format(CultureInfo.InvariantCulture, format, limit), limit);
}
