using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProcurementGraph.Toolkit.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;
using ProcurementGraph.Toolkit.Tests.TestKit.Library;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>Field and type costs on HotChocolate's model (IBM cost directives), checked by hand on the library schema.</summary>
public sealed class CostAnalysisTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private readonly TestHost<LibrarySchema> _host = fixture;

    /// <summary>A request and its costs (field, type) counted by hand on HotChocolate's model; variables as JSON.</summary>
    public static TheoryData<string, string, string?, double, double> Costs => new()
    {
        // books @cost 10 + nodes 1 (list); types: BooksConnection 1 + 5 × Book 1 + Query 1.
        { "a root connection: its weight, nodes × first", "{ books(first: 5) { nodes { title } } }", null, 11, 7 },

        // booksAggregate @cost 60 + nodes 1 + 5 × (key 1 + author 1 + sum 1) + having 10 + count 1 + gt 10; types: connection 1 + 5 × 4 + Query 1.
        {
            "an aggregate: its grouping weight plus a connection of groups",
            "{ booksAggregate(groupBy: [AUTHOR], having: { count: { gt: 1 } }, first: 5) { nodes { key { author { name } } count sum { pages } } } }",
            null, 97, 22
        },

        // edges × 10: (edge 1 + node 1 + author 1) per edge; totalCount @cost 10; pageInfo 1.
        {
            "without first, the slicing default page size",
            "{ books { totalCount pageInfo { hasNextPage } edges { cursor node { title author { name } } } } }",
            null, 42, 33
        },

        // A nested connection is projected into the root's statement: weight 1 (no @cost), nodes 1, 30 books.
        // authors @cost 10 + nodes 1 + 20 × (catalog 1 + nodes 1); types 1 + 20 × (Author 1 + CatalogConnection 1 + 30 × Book 1) + 1.
        { "nested connections multiply", "{ authors(first: 20) { nodes { catalog(first: 30) { nodes { title } } } } }", null, 51, 642 },

        // books: weight 1 (a list), first or 1 item; authors @cost 10 + nodes 1 + 2 × books 1.
        { "a plain relation list without first: one item", "{ authors(first: 2) { nodes { books { title } } } }", null, 13, 6 },
        { "a plain relation list with first: first items", "{ authors(first: 2) { nodes { books(first: 3) { title } } } }", null, 13, 10 },

        { "a root page: at most 50 items", "{ books(first: 1000) { nodes { title } } }", null, 11, 52 },

        // node @cost 10; Author: books(first: 20) (1, 20 × Book); Book: title (0, 0).
        {
            "an abstract selection: its most expensive type",
            """{ node(id: "eA==") { ... on Author { books(first: 20) { title } } ... on Book { title } } }""",
            null, 11, 22
        },

        {
            "skipped fields: nothing",
            "query($skip: Boolean!) { books(first: 5) { nodes { title } totalCount @skip(if: $skip) } }",
            """{"skip":true}""", 11, 7
        },
    };

    /// <summary>A request written two ways (the second with variables as JSON), costing the same.</summary>
    public static TheoryData<string, string, string, string?> SameCosts => new()
    {
        {
            "variables cost what their values cost written inline",
            """{ books(first: 7, where: { or: [{ title: { startsWith: "a" } }, { pages: { gt: 100 } }] }) { nodes { title } } }""",
            "query($first: Int, $where: BookFilterInput) { books(first: $first, where: $where) { nodes { title } } }",
            """{"first":7,"where":{"or":[{"title":{"startsWith":"a"}},{"pages":{"gt":100}}]}}"""
        },
        {
            "a variable left out falls back to its default value",
            "{ books(first: 3) { nodes { title } } }",
            "query($first: Int = 3) { books(first: $first) { nodes { title } } }",
            null
        },
        {
            "fragments cost what their fields cost, merged fields count once",
            "{ books(first: 5) { nodes { title author { name } } } }",
            """
            { ...Root books(first: 5) { nodes { author { name } } } }
            fragment Root on Query { books(first: 5) { nodes { ...BookFields } } }
            fragment BookFields on Book { title author { name } }
            """,
            null
        },
    };

    [Theory]
    [MemberData(nameof(Costs))]
    public async Task A_request_costs_what_the_model_says(string _, string query, string? variables, double fieldCost, double typeCost)
    {
        var cost = await _host.CostAsync(query, Variables(variables));

        Assert.Equal((fieldCost, typeCost), cost);
    }

    [Theory]
    [MemberData(nameof(SameCosts))]
    public async Task Written_either_way_a_request_costs_the_same(string _, string written, string rewritten, string? variables)
    {
        var first = await _host.CostAsync(written);
        var second = await _host.CostAsync(rewritten, Variables(variables));

        Assert.Equal(first, second);
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

    private static JsonElement? Variables(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
