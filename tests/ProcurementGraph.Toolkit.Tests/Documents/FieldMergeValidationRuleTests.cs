using System.Text;
using ProcurementGraph.Toolkit.Tests.Limits;
using ProcurementGraph.Toolkit.Tests.TestKit;

namespace ProcurementGraph.Toolkit.Tests.Documents;

/// <summary>
/// Field merging (spec 5.3.2) as <c>FieldMergeValidationRule</c> checks it: every conflict GraphQL.NET's rule found is still
/// found, with HotChocolate's messages; repeated selections and thousands of fragments merge.
/// </summary>
public sealed class FieldMergeValidationRuleTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    [Theory]
    [InlineData("{ books { nodes { t: title t: isbn } } }", "Fields `title` and `isbn` conflict because they have differing names.")]
    [InlineData("{ books { nodes { t: title t: subtitle } } }", "Fields `t` conflict because they return conflicting types `String!` and `String`.")]
    [InlineData("{ books { nodes { title } } books(first: 2) { nodes { title } } }", "Fields `books` conflict because they have differing arguments.")]
    [InlineData("{ books { nodes { x: title x: pages } } }", "Fields `x` conflict because they return conflicting types `String` and `Int`.")]
    [InlineData("{ books { nodes { ...A ...B } } } fragment A on Book { x: title } fragment B on Book { x: isbn }", "Fields `title` and `isbn` conflict because they have differing names.")]
    [InlineData("{ b: books { nodes { x: title } } b: books { nodes { x: isbn } } }", "Fields `title` and `isbn` conflict because they have differing names.")]
    [InlineData("{ node(id: \"x\") { ... on Book { v: title } ... on Author { v: key } } }", "Fields `v` conflict because they return conflicting types")]
    public async Task A_conflict_is_reported_with_HotChocolate_s_message(string query, string message)
    {
        var result = await fixture.ExecuteAsync(query);

        var error = result.SingleError();
        Assert.Equal("OVERLAPPING_FIELDS_CAN_BE_MERGED", error.Code());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, error.GetProperty("locations").GetArrayLength());
        Assert.False(result.Json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("{ books { nodes { title title t: title } } }")]
    [InlineData("{ books(first: 1) { nodes { title } } books(first: 1) { nodes { isbn } } }")]
    [InlineData("{ books(first: 1) { nodes { ...A ...B } } } fragment A on Book { title } fragment B on Book { title isbn }")]
    [InlineData("{ node(id: \"x\") { ... on Book { v: title } ... on Author { v: name } } }")]
    [InlineData("{ books(first: 1) { nodes { __typename __typename } } }")]
    public async Task Mergeable_selections_are_valid(string query)
    {
        var result = await fixture.ExecuteAsync(query);

        Assert.DoesNotContain(result.Errors, e => e.Code() == "OVERLAPPING_FIELDS_CAN_BE_MERGED");
    }

    [Fact]
    public async Task A_conflict_between_fragments_spread_at_different_levels_is_found()
    {
        const string query = """
            { books(first: 1) { nodes { ...A } } books(first: 1) { nodes { ...B } } }
            fragment A on Book { n: title }
            fragment B on Book { n: isbn }
            """;

        var error = (await fixture.ExecuteAsync(query)).SingleError();

        Assert.StartsWith("Fields `title` and `isbn` conflict", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_thousand_fragments_of_the_same_field_merge()
    {
        await using var host = await TestHost.Library().WithLimits(o =>
        {
            o.Document.MaxTokens = 100_000; // the defaults refuse this document before validation
            o.Document.MaxFragments = 5_000;
            o.Document.MaxFields = 5_000;
        }).StartAsync();
        // GraphQL.NET's rule compares fragments pairwise: this document took it 53 s through the server. Its speed now is
        // measured by bench/attack.sh, not here.
        var query = new StringBuilder("{ books(first: 1) { nodes { ");
        for (var i = 0; i < 2000; i++)
        {
            query.Append("...F").Append(i).Append(' ');
        }

        query.Append("} } }");
        for (var i = 0; i < 2000; i++)
        {
            query.Append(" fragment F").Append(i).Append(" on Book { title }");
        }

        var result = await host.ExecuteAsync(query.ToString());

        Assert.Empty(result.Errors);
    }
}
