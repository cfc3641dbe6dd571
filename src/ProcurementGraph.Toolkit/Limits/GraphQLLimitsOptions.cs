using ProcurementGraph.Toolkit.Documents;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>The abuse limits checked before a request executes (HotChocolate's defaults unless noted).</summary>
public sealed class GraphQLLimitsOptions
{
    /// <summary>
    /// The deepest field nesting an operation may have, counted as HotChocolate counts it: every field (leaves included) is
    /// one level, <c>{ a { b { c } } }</c> has depth 3. HotChocolate has the rule but no default; ours is on with 15.
    /// </summary>
    public int MaxExecutionDepth { get; set; } = 15;

    /// <summary>At most this many validation errors are returned (HotChocolate's <c>MaxAllowedValidationErrors</c>, 5).</summary>
    public int MaxValidationErrors { get; set; } = 5;

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> need an authenticated caller (<c>HC0046</c> otherwise). HotChocolate
    /// switches introspection off outside Development; the host sets this from its environment.
    /// </summary>
    public bool IntrospectionRequiresAuthentication { get; set; } = true;

    /// <summary>Limits on the document's size, checked while it is parsed.</summary>
    public DocumentLimitsOptions Document { get; } = new();

    /// <summary>Cost analysis on the IBM cost directives.</summary>
    public CostOptions Cost { get; } = new();
}

/// <summary>Cost analysis options: HotChocolate's <c>CostOptions</c> and the default weights it applies.</summary>
public sealed class CostOptions
{
    /// <summary>Requests whose field cost is higher are rejected before execution (<c>HC0047</c>).</summary>
    public double MaxFieldCost { get; set; } = 1000;

    /// <summary>Requests whose type cost is higher are rejected before execution (<c>HC0047</c>).</summary>
    public double MaxTypeCost { get; set; } = 1000;

    /// <summary>Reject requests over the limits (false: only analyse, e.g. for <c>GraphQL-Cost: report</c>).</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>
    /// A list field of the root type (a root connection) counts at most this many items, however large its <c>first</c>/<c>last</c>.
    /// Root pages are bounded by their own maximum page size and read in one statement; nested lists still multiply in full.
    /// A value at or above that maximum counts root pages in full, as HotChocolate does.
    /// </summary>
    public int CountedRootPageSize { get; set; } = 50;

    /// <summary>Weight of a root field (each starts its own statement): HotChocolate's <c>DefaultResolverCost</c>.</summary>
    public double ResolverCost { get; set; } = 10;

    /// <summary>
    /// Added to an aggregate root field's weight: a <c>GROUP BY</c> reads every row its filter keeps (a list page reads one
    /// page through an index), so grouping all contracts weighs as much as five root lists. The groups are sized as a list's rows.
    /// </summary>
    public double GroupingCost { get; set; } = 50;

    /// <summary>Weight of <c>totalCount</c>.</summary>
    public double TotalCountCost { get; set; } = 10;

    /// <summary>Weight of a <c>where</c> argument.</summary>
    public double FilterArgumentCost { get; set; } = 10;

    /// <summary>Weight of each filter operation given (<c>eq</c>, <c>gt</c>, <c>in</c>, <c>some</c>, …).</summary>
    public double FilterOperationCost { get; set; } = 10;

    /// <summary>Weight of <c>contains</c>, <c>startsWith</c>, <c>endsWith</c> and their negations.</summary>
    public double ExpensiveFilterOperationCost { get; set; } = 20;

    /// <summary>Weight of an <c>order</c> argument.</summary>
    public double SortArgumentCost { get; set; } = 10;

    /// <summary>Weight of each sort field given.</summary>
    public double SortOperationCost { get; set; } = 10;
}
