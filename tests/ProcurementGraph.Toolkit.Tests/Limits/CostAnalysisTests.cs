using System.Diagnostics;
using System.Globalization;
using System.Text;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>Field and type costs on HotChocolate's model (IBM cost directives), checked by hand on the library schema.</summary>
public sealed class CostAnalysisTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private readonly TestHost<LibrarySchema> _host = fixture;

    [Fact]
    public async Task A_root_connection_costs_its_weight_and_multiplies_its_nodes_by_first()
    {
        // books @cost 10 + nodes 1 (list); types: BooksConnection 1 + 5 × Book 1 + Query 1.
        var cost = await _host.CostAsync("{ books(first: 5) { nodes { title } } }");

        Assert.Equal((11, 7), cost);
    }

    [Fact]
    public async Task An_aggregate_costs_its_grouping_weight_plus_a_connection_of_groups()
    {
        // booksAggregate @cost 60 + nodes 1 + 5 × (key 1 + author 1 + sum 1) + having 10 + count 1 + gt 10; types: connection 1 + 5 × 4 + Query 1.
        var cost = await _host.CostAsync("{ booksAggregate(groupBy: [AUTHOR], having: { count: { gt: 1 } }, first: 5) { nodes { key { author { name } } count sum { pages } } } }");

        Assert.Equal((97, 22), cost);
    }

    [Fact]
    public async Task Without_first_the_slicing_default_page_size_counts()
    {
        // edges × 10: (edge 1 + node 1 + author 1) per edge; totalCount @cost 10; pageInfo 1.
        var cost = await _host.CostAsync(
            "{ books { totalCount pageInfo { hasNextPage } edges { cursor node { title author { name } } } } }");

        Assert.Equal((42, 33), cost);
    }

    [Fact]
    public async Task Filter_and_sort_inputs_add_their_weights_expensive_string_operations_twice()
    {
        // where 10 + title 1 + contains 20 + pages 1 + gt 10 = 42; order 10 + title 10 = 20.
        var plain = await _host.CostAsync("{ books(first: 5) { nodes { title } } }");
        var filtered = await _host.CostAsync(
            """{ books(first: 5, where: { title: { contains: "a" }, pages: { gt: 100 } }, order: [{ title: ASC }]) { nodes { title } } }""");

        Assert.Equal(plain.FieldCost + 62, filtered.FieldCost);
        Assert.Equal(plain.TypeCost, filtered.TypeCost);
    }

    [Fact]
    public async Task Variables_cost_what_their_values_cost_written_inline()
    {
        var inline = await _host.CostAsync(
            """{ books(first: 7, where: { or: [{ title: { startsWith: "a" } }, { pages: { gt: 100 } }] }) { nodes { title } } }""");
        var variables = await _host.CostAsync(
            "query($first: Int, $where: BookFilterInput) { books(first: $first, where: $where) { nodes { title } } }",
            new { first = 7, where = new { or = new object[] { new { title = new { startsWith = "a" } }, new { pages = new { gt = 100 } } } } });

        Assert.Equal(inline, variables);
    }

    [Fact]
    public async Task A_variable_left_out_falls_back_to_its_default_value()
    {
        var literal = await _host.CostAsync("{ books(first: 3) { nodes { title } } }");
        var defaulted = await _host.CostAsync("query($first: Int = 3) { books(first: $first) { nodes { title } } }");

        Assert.Equal(literal, defaulted);
    }

    [Fact]
    public async Task Nested_connections_multiply()
    {
        // A nested connection is projected into the root's statement: weight 1 (no @cost), nodes 1, 30 books.
        // authors @cost 10 + nodes 1 + 20 × (catalog 1 + nodes 1); types 1 + 20 × (Author 1 + CatalogConnection 1 + 30 × Book 1) + 1.
        var cost = await _host.CostAsync("{ authors(first: 20) { nodes { catalog(first: 30) { nodes { title } } } } }");

        Assert.Equal((51, 642), cost);
    }

    [Fact]
    public async Task A_plain_relation_list_counts_first_or_one_item()
    {
        // books: weight 1 (a list), first or 1 item; authors @cost 10 + nodes 1 + 2 × books 1.
        var unsliced = await _host.CostAsync("{ authors(first: 2) { nodes { books { title } } } }");
        var sliced = await _host.CostAsync("{ authors(first: 2) { nodes { books(first: 3) { title } } } }");

        Assert.Equal((13, 6), unsliced);
        Assert.Equal((13, 10), sliced);
    }

    [Fact]
    public async Task A_root_page_counts_at_most_50_items()
    {
        var cost = await _host.CostAsync("{ books(first: 1000) { nodes { title } } }");

        Assert.Equal((11, 52), cost);
    }

    [Fact]
    public async Task An_abstract_selection_costs_its_most_expensive_type()
    {
        // node @cost 10; Author: books(first: 20) (1, 20 × Book); Book: title (0, 0).
        var cost = await _host.CostAsync(
            """{ node(id: "eA==") { ... on Author { books(first: 20) { title } } ... on Book { title } } }""");

        Assert.Equal((11, 22), cost);
    }

    [Fact]
    public async Task Fragments_cost_what_their_fields_cost_and_merged_fields_count_once()
    {
        var inline = await _host.CostAsync("{ books(first: 5) { nodes { title author { name } } } }");
        var fragments = await _host.CostAsync(
            """
            { ...Root books(first: 5) { nodes { author { name } } } }
            fragment Root on Query { books(first: 5) { nodes { ...BookFields } } }
            fragment BookFields on Book { title author { name } }
            """);

        Assert.Equal(inline, fragments);
    }

    [Fact]
    public async Task Skipped_fields_cost_nothing()
    {
        var cost = await _host.CostAsync("query($skip: Boolean!) { books(first: 5) { nodes { title } totalCount @skip(if: $skip) } }", new { skip = true });

        Assert.Equal((11, 7), cost);
    }

    [Fact]
    public async Task Doubling_fragments_are_analysed_in_linear_time()
    {
        // 2^24 response paths: the analysis must not walk them one by one.
        const int levels = 24;
        var document = new StringBuilder("{ authors(first: 1) { nodes { ...F0 } } }\n");
        for (var i = 0; i < levels; i++)
        {
            var next = i + 1 < levels ? $"...F{i + 1}" : "name";
            document.Append(CultureInfo.InvariantCulture,
                $"fragment F{i} on Author {{ a: catalog(first: 1) {{ nodes {{ author {{ {next} }} }} }} b: catalog(first: 1) {{ nodes {{ author {{ {next} }} }} }} }}\n");
        }

        await using var host = await TestHost.Library().WithLimits(o =>
        {
            o.MaxExecutionDepth = 1000;
            o.Document.MaxExpandedFields = int.MaxValue; // the document limits would refuse it before the analysis
        }).StartAsync();
        var clock = Stopwatch.StartNew();
        var result = await host.ExecuteAsync(document.ToString());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var error = result.SingleError();
        Assert.Equal(LimitErrorCodes.CostExceeded, error.Code());
        Assert.True(error.GetProperty("extensions").GetProperty("fieldCost").GetDouble() > 1_000_000);
    }
}
