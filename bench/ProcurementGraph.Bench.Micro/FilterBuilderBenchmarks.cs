using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using GraphQL;
using ProcurementGraph.Bench.Micro.Model;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Selection;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// <see cref="FilterBuilder.Lambda"/> over the coerced <c>where</c> GraphQL.NET hands a root field, as
/// <c>EntityQuery.ConnectionAsync</c> calls it: a new <see cref="QueryScope"/> per root field, then the predicate.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed classes only.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class FilterBuilderBenchmarks
{
    /// <summary>One string operation.</summary>
    private const string SimpleDocument = """{ books(where: { title: { eq: "Cosmos River Atlas 42" } }) { nodes { key } } }""";

    /// <summary>A screen's filter: and/or, string, enum, comparison and date operations, a reference.</summary>
    private const string RealisticDocument = """
        {
          books(first: 20, where: {
            and: [
              { title: { contains: "river" } },
              { or: [{ genre: { eq: SCIENCE } }, { genre: { in: [FICTION, HISTORY] }, inPrint: { eq: true } }] }
            ]
            pages: { gte: 100, lt: 500 }
            price: { lte: 30 }
            publishedOn: { gt: "1960-01-01" }
            format: { neq: null }
            author: { name: { startsWith: "Ada" } }
          }) { nodes { key } }
        }
        """;

    /// <summary>A list filter (<c>some</c>) with an aggregate and a nested reference.</summary>
    private const string ListDocument = """
        {
          authors(where: {
            bookCount: { gt: 3 }
            catalog: { some: { price: { lt: 10 }, publisher: { country: { in: ["UK", "US"] } } } }
            or: [{ email: { endsWith: "@example.org" } }, { birthYear: { ngte: 1950 } }]
          }) { nodes { key } }
        }
        """;

    private LibraryHost _host = null!;
    private IResolveFieldContext _simple = null!;
    private IResolveFieldContext _realistic = null!;
    private IResolveFieldContext _list = null!;
    private IEntityGraphType _book = null!;
    private IEntityGraphType _author = null!;
    private readonly ParameterExpression _bookRow = Expression.Parameter(typeof(Book), "x");
    private readonly ParameterExpression _authorRow = Expression.Parameter(typeof(Author), "x");

    [GlobalSetup]
    public void Setup()
    {
        _host = new LibraryHost();
        _book = _host.Entity("Book");
        _author = _host.Entity("Author");
        _simple = _host.Capture(SimpleDocument);
        _realistic = _host.Capture(RealisticDocument);
        _list = _host.Capture(ListDocument);
        foreach (var built in new[] { Simple(), Realistic(), ListFilter() })
        {
            _ = built ?? throw new InvalidOperationException("A benchmark filter built nothing.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>What every builder pays first: the per-field scope (services, options).</summary>
    [Benchmark]
    public QueryScope NewQueryScope() => new(_realistic);

    [Benchmark]
    public LambdaExpression? Simple() => Build(_simple, _book, _bookRow);

    [Benchmark]
    public LambdaExpression? Realistic() => Build(_realistic, _book, _bookRow);

    [Benchmark]
    public LambdaExpression? ListFilter() => Build(_list, _author, _authorRow);

    private static LambdaExpression? Build(IResolveFieldContext context, IEntityGraphType entity, ParameterExpression row) =>
        new FilterBuilder(new QueryScope(context)).Lambda(entity, row, context.Arguments.ValueOf("where"));
}
