using System.Net;
using System.Text;
using ProcurementGraph.Api.Tests.Hardening;
using ProcurementGraph.TestKit;

namespace ProcurementGraph.Api.Tests.Limits;

/// <summary>
/// The document limits (<c>GraphQL:Document:*</c>) through /graphql: a document over one is refused while it is parsed,
/// with its code and limit, HTTP 400, no <c>data</c> and no SQL statement.
/// </summary>
public sealed class DocumentLimitApiTests(DocumentLimitApiTests.Host host) : IClassFixture<DocumentLimitApiTests.Host>
{
    public static TheoryData<string, string, int> OverTheLimit => new()
    {
        { "{ suppliers(where: { name: { in: [" + Repeat("\"a\" ", 15_000) + "] } }) { nodes { name } } }", "MAX_TOKENS_EXCEEDED", 15_000 },
        { "{ suppliers { nodes { " + Repeat("name ", 1_023) + "} } }", "MAX_FIELDS_EXCEEDED", 1_024 },
        { "{ suppliers { nodes { ...F8 } } } " + FragmentBomb(8), "MAX_EXPANDED_FIELDS_EXCEEDED", 20_000 },
        { "{ suppliers { nodes { name } } } " + Numbered(1_001, i => $"fragment F{i} on Supplier {{ name }} "), "MAX_FRAGMENTS_EXCEEDED", 1_000 },
        { "{ suppliers { nodes { " + Repeat("...F ", 2_049) + "} } } fragment F on Supplier { name }", "MAX_FRAGMENT_SPREADS_EXCEEDED", 2_048 },
        { Numbered(101, i => $"query Q{i} {{ suppliers {{ nodes {{ name }} }} }} "), "MAX_OPERATIONS_EXCEEDED", 100 },
        { "{ suppliers { nodes { " + Numbered(257, i => $"a{i}: name ") + "} } }", "MAX_ALIASES_EXCEEDED", 256 },
        { "{ suppliers { nodes { name" + Repeat(" @include(if: true)", 5) + " } } }", "MAX_DIRECTIVES_EXCEEDED", 4 },
    };

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public async Task A_document_over_a_limit_is_refused_before_anything_runs(string query, string code, int limit)
    {
        host.Statements.Reset();

        var (response, body) = await host.Factory.CreateClient().PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(code, (string?)error["extensions"]!["code"]);
        Assert.Equal(limit, (int)error["extensions"]!["limit"]!);
        Assert.Equal(0, host.Statements.Count);
    }

    [Fact]
    public async Task A_document_at_the_limits_is_answered()
    {
        var query = "{ suppliers(first: 1) { nodes { " + Repeat("name ", 980) + Numbered(40, i => $"a{i}: name ") + "...F } } }"
            + " fragment F on Supplier { name @include(if: true) @skip(if: false) }";

        var (response, body) = await host.Factory.CreateClient().PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.NotNull((string?)body["data"]!["suppliers"]!["nodes"]![0]!["a39"]);
    }

    [Fact]
    public async Task The_limits_are_settings()
    {
        await using var strict = await HardeningApiFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["GraphQL:Document:MaxFields"] = "3",
            ["GraphQL:Document:MaxTokens"] = "100000",
        });
        using var client = strict.CreateClient();

        var (refused, refusal) = await client.PostAsync("{ suppliers(first: 1) { nodes { name country } } }");
        var (large, answer) = await client.PostAsync(
            "{ suppliers(first: 1, where: { name: { in: [" + Repeat("\"a\" ", 20_000) + "] } }) { nodes { name } } }");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("MAX_FIELDS_EXCEEDED", refusal.Code());
        Assert.Equal(3, (int)refusal["errors"]![0]!["extensions"]!["limit"]!);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.NotEqual("MAX_TOKENS_EXCEEDED", answer.Code());
    }

    /// <summary><c>F0</c> selects one field; each <c>Fk</c> spreads <c>Fk-1</c> four times: <c>F8</c> expands to 65,536 fields.</summary>
    private static string FragmentBomb(int depth) =>
        "fragment F0 on Supplier { name } " + Numbered(depth, i => $"fragment F{i + 1} on Supplier {{ ...F{i} ...F{i} ...F{i} ...F{i} }} ");

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Numbered(int count, Func<int, string> item) => string.Concat(Enumerable.Range(0, count).Select(item));

    /// <summary>The application with its default limits and a statement counter.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public SqlStatementCounter Statements { get; } = new();

        public HardeningApiFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync() => Factory = await HardeningApiFactory.StartAsync(interceptors: Statements);

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
