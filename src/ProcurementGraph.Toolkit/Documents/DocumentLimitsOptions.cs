namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// Limits on the size of a GraphQL document, checked while it is parsed, before any validation rule runs (HotChocolate's
/// parser limits where it has them: <c>MaxAllowedDirectives</c> 4 per location; <c>MaxAllowedFields</c> is half of its 2048,
/// see <see cref="MaxFields"/>). A document over
/// a limit is refused as a document error (HTTP 400 under <c>application/graphql-response+json</c>) and nothing is validated
/// or executed.
/// </summary>
public sealed class DocumentLimitsOptions
{
    /// <summary>Lexical tokens per document (punctuators, names, values; comments and commas excluded). graphql-java's and Apollo Router's default.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>
    /// Field selections written in the document (HotChocolate's <c>MaxAllowedFields</c>, whose default is 2048). Half of it:
    /// validating and executing 1,660 repeated root fields cost the server 110 ms of CPU (bench/attack.sh), over the 100 ms
    /// a single document may cost; 1,024 stay well under it and far above what screens and BI extracts select.
    /// </summary>
    public int MaxFields { get; set; } = 1_024;

    /// <summary>
    /// Field selections of one operation with every fragment spread expanded, as validation and execution see them: bounds
    /// documents that reuse fragments inside fragments ("fragment bombs").
    /// </summary>
    public int MaxExpandedFields { get; set; } = 20_000;

    /// <summary>Fragment definitions per document.</summary>
    public int MaxFragments { get; set; } = 1_000;

    /// <summary>Fragment spreads (<c>...Name</c>) written in the document.</summary>
    public int MaxFragmentSpreads { get; set; } = 2_048;

    /// <summary>Operation definitions per document.</summary>
    public int MaxOperations { get; set; } = 100;

    /// <summary>Aliased fields in one selection set.</summary>
    public int MaxAliases { get; set; } = 256;

    /// <summary>Directives on one location (an operation, field, fragment or variable): HotChocolate's <c>MaxAllowedDirectives</c>.</summary>
    public int MaxDirectives { get; set; } = 4;

    internal void Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(MaxTokens), MaxTokens), (nameof(MaxFields), MaxFields), (nameof(MaxExpandedFields), MaxExpandedFields),
                     (nameof(MaxFragments), MaxFragments), (nameof(MaxFragmentSpreads), MaxFragmentSpreads),
                     (nameof(MaxOperations), MaxOperations), (nameof(MaxAliases), MaxAliases), (nameof(MaxDirectives), MaxDirectives),
                 })
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"Document.{name} must be greater than zero.");
            }
        }
    }
}
