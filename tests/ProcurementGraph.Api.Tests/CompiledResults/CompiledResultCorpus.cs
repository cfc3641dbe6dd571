using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL.Types;
using ProcurementGraph.Api.Tests.Hardening.Fuzzing;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.CompiledResults;

/// <summary>
/// The requests both execution paths answer: the README's example queries, the front-end scenarios' documents (read from their
/// test's source), shapes that exercise the compiled path's semantics, and the fuzzer's generated requests.
/// </summary>
internal static partial class CompiledResultCorpus
{
    public static IEnumerable<(string Name, string Query)> ReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        return ReadmeExample().Matches(readme).Select(m => ("README " + m.Groups["name"].Value, m.Groups["query"].Value)).Where(e => IsQuery(e.Item2));
    }

    public static IEnumerable<(string Name, string Query)> FrontEndScenarios()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "ProcurementGraph.Api.Tests", "Querying", "FrontEndScenarioTests.cs"));
        return PostedDocument().Matches(source).Select((m, i) => ($"front end #{i + 1}", m.Groups["query"].Value)).Where(e => IsQuery(e.Item2));
    }

    /// <summary>Aliases, fragments, inline fragments, __typename, directives, edges and cursors, node lookups, denied fields, nulls.</summary>
    public static IEnumerable<(string Name, string Query)> Shapes() =>
    [
        ("aliases and __typename", """
            { a: suppliers(first: 3, order: [{ name: ASC }]) { __typename totalCount nodes { __typename key: id n: name name } }
              b: suppliers(first: 2, where: { country: { eq: "DE" } }) { nodes { name country } } }
            """),
        ("fragments and inline fragments", """
            query { suppliers(first: 4) { ...page nodes { ... on Supplier { city } ...more } } }
            fragment page on SuppliersConnection { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
            fragment more on Supplier { name ... { country } ... on Node { id } }
            """),
        ("skip and include", """
            query ($yes: Boolean = true, $no: Boolean = false) {
              suppliers(first: 3) { nodes { name city @skip(if: $yes) country @include(if: $yes) status @include(if: $no) ... @skip(if: $no) { riskLevel } } }
            }
            """),
        ("edges and nodes together", """
            { contracts(first: 5, order: [{ number: ASC }]) { edges { cursor node { number supplier { name } category { code } } } nodes { number title } } }
            """),
        ("backward page", """
            { contracts(last: 3) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { number annualValue startDate endDate status } } }
            """),
        ("nested lists and connections", """
            { suppliers(first: 3, order: [{ name: ASC }]) { nodes { name categories { isPreferred since category { code name } }
                contracts(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { number category { name } } } }
                ratings(first: 2) { nodes { overall ratedOn } } ratingSummary { count averageOverall lastRatedOn } } } }
            """),
        ("a page of groups, every part of it", """
            { contractsAggregate(groupBy: [CATEGORY, STATUS], first: 6, order: [{ count: DESC }]) { __typename totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { __typename count key { category { code name } status supplierCountry } } }
                nodes { n: count key { __typename status } sum { annualValue annualSavings } avg { annualValue }
                  min { annualValue } max { annualValue } countDistinct { supplier owner } } } }
            """),
        ("groups by a scalar, one group of every row, fragments on the group types", """
            query { a: suppliersAggregate(groupBy: [COUNTRY], last: 3) { nodes { ...group } }
                    b: ratingsAggregate { nodes { count key { __typename } } } }
            fragment group on SupplierAggregate { count key { country status } ... on SupplierAggregate { key { riskLevel } } }
            """),
        ("node and nodes", """
            { node(id: "U3VwcGxpZXI6MQ==") { __typename id ... on Supplier { name country } ... on Contract { number } }
              nodes(ids: ["U3VwcGxpZXI6Mg==", "Q29udHJhY3Q6MQ==", "U3VwcGxpZXI6OTk5OTk5"]) { __typename id ... on Contract { number title } } }
            """),
        ("lookup with sensitive fields", """
            { supplier(id: "U3VwcGxpZXI6MQ==") { id name registrationNumber primaryContactEmail activeContractValue version } }
            """),
        ("empty page", """
            { suppliers(first: 3, where: { name: { eq: "no such supplier" } }) { totalCount nodes { name } pageInfo { startCursor endCursor hasNextPage } } }
            """),
        ("a resolver beside projected fields", """
            { suppliers(first: 2) { nodes { name history(first: 2) { nodes { action } } } } }
            """),
        ("categories tree", """
            { categories(first: 3, order: [{ code: ASC }]) { nodes { code name parent { code } children(first: 2) { code } } } }
            """),
    ];

    public static IEnumerable<FuzzCase> Fuzzed(ISchema schema, int count) => new SchemaFuzzer(schema, seed: 20261207).Generate(count);

    /// <summary>The same request for both hosts.</summary>
    public static HttpRequestMessage Request(string query, string? token = null)
    {
        var body = JsonSerializer.Serialize(new { query });
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        Authorize(request, token);
        return request;
    }

    public static HttpRequestMessage Request(FuzzCase fuzzCase, string? token = null)
    {
        var request = fuzzCase.PostBody is not null
            ? new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(fuzzCase.PostBody) }
            : new HttpRequestMessage(HttpMethod.Get, "/graphql?" + fuzzCase.GetQueryString);
        if (fuzzCase.PostBody is not null)
        {
            request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        if (fuzzCase.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", fuzzCase.Accept);
        }

        Authorize(request, token);
        return request;
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    private static bool IsQuery(string document) => !MutationOrSubscription().IsMatch(document);

    [GeneratedRegex(@"\*\*\d+\. (?<name>[^*]+)\*\*.*?```graphql\n(?<query>.*?)```\n```json\n(?<result>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();

    [GeneratedRegex("PostGraphQLAsync\\(\\s*\"\"\"(?<query>.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex PostedDocument();

    [GeneratedRegex(@"^\s*(mutation|subscription)\b", RegexOptions.Multiline)]
    private static partial Regex MutationOrSubscription();
}
