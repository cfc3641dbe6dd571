using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// One request from document text to response bytes: a DI scope, parse, validate, the toolkit building the query, EF Core
/// translating (or finding it in its query cache) and running it on SQLite (in memory, a few hundred rows), GraphQL.NET
/// resolving the rows and System.Text.Json writing the response. No document cache, as in the application. A regression
/// in per-request reflection or an EF query-cache miss (a constant where a parameter belongs) shows here.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed classes only.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class EndToEndBenchmarks
{
    /// <summary>A BI-style page: 100 rows of plain columns, one statement.</summary>
    private const string FlatPageDocument =
        "{ books(first: 100, order: [{ publishedOn: DESC }]) { nodes { key title price genre publishedOn inPrint } } }";

    /// <summary>A screen: filter, four sort keys, count, edges with cursors, two references, a computed field. Two statements.</summary>
    private const string ScreenDocument = """
        {
          books(first: 50,
                where: { or: [{ genre: { eq: SCIENCE } }, { price: { lt: 20 } }], pages: { gte: 100 }, title: { ncontains: "zzz" },
                         publisher: { country: { in: ["UK", "US", "DE"] } } },
                order: [{ genre: ASC }, { price: DESC }, { author: { name: ASC } }, { publishedOn: DESC }]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id title price genre publishedOn priceLabel author { name } publisher { name } } }
          }
        }
        """;

    /// <summary>Nested connections: 20 authors with an aggregate and their top 5 books, whose publishers are batch-loaded. Two statements.</summary>
    private const string NestedDocument = """
        {
          authors(first: 20, order: [{ name: ASC }]) {
            nodes { name bookCount catalog(first: 5, order: [{ pages: DESC }]) { totalCount nodes { title pages publisher { name } } } }
          }
        }
        """;

    private LibraryHost _host = null!;
    private readonly MemoryStream _response = new();

    [GlobalSetup]
    public void Setup()
    {
        _host = new LibraryHost();
        _host.Verify(FlatPageDocument, "books.nodes");
        _host.Verify(ScreenDocument, "books.edges");
        _host.Verify(NestedDocument, "authors.nodes");
        if (_host.Compilations.Count == 0)
        {
            throw new InvalidOperationException("EF Core compiled no query: the compilation counter is not wired.");
        }

        // Repeated requests must find their queries in EF Core's cache; one that compiles again fails the run.
        foreach (var (name, run) in new (string, Func<Task<long>>)[] { (nameof(FlatPage), FlatPage), (nameof(Screen), Screen), (nameof(NestedConnections), NestedConnections) })
        {
            var before = _host.Compilations.Count;
            run().GetAwaiter().GetResult();
            run().GetAwaiter().GetResult();
            if (_host.Compilations.Count != before)
            {
                throw new InvalidOperationException(
                    $"{name}: EF Core compiled {_host.Compilations.Count - before} queries on repeated requests (a query-cache miss: a constant where a parameter belongs?).");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _response.Dispose();
    }

    [Benchmark]
    public Task<long> FlatPage() => Execute(FlatPageDocument);

    [Benchmark]
    public Task<long> Screen() => Execute(ScreenDocument);

    [Benchmark]
    public Task<long> NestedConnections() => Execute(NestedDocument);

    /// <summary>
    /// <see cref="Screen"/> with its root field resolving to null: the DI scope, parsing, validation, argument coercion and
    /// the response, without the toolkit, EF Core and SQLite. <see cref="Screen"/> minus this is what the data costs.
    /// </summary>
    [Benchmark]
    public Task<long> ScreenWithoutData() => Execute(ScreenDocument, skipRootFields: true);

    private Task<long> Execute(string document, bool skipRootFields = false)
    {
        _response.SetLength(0);
        return _host.ExecuteAsync(document, _response, skipRootFields);
    }
}
