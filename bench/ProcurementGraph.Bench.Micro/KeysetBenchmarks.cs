using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using ProcurementGraph.Bench.Micro.Model;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// <see cref="Keyset"/>: the <c>ORDER BY</c> of five sort keys and the seek past a real <c>after</c> cursor (decoded on
/// every call, as a request does), over the root set of a request's data context.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed classes only.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class KeysetBenchmarks
{
    private const string Order = "[{ genre: ASC }, { price: DESC }, { author: { name: ASC } }, { publishedOn: DESC }]";

    private LibraryHost _host = null!;
    private List<SortKey> _keys = null!;
    private PagingArguments _paging = null!;
    private Sequence _root;
    private readonly ParameterExpression _row = Expression.Parameter(typeof(Book), "x");

    [GlobalSetup]
    public void Setup()
    {
        _host = new LibraryHost();
        var firstPage = _host.Verify($"{{ books(first: 5, order: {Order}) {{ pageInfo {{ endCursor }} nodes {{ key }} }} }}", "books.nodes");
        var cursor = firstPage.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString()!;
        var context = _host.Capture($"{{ books(first: 20, after: \"{cursor}\", order: {Order}) {{ nodes {{ key }} }} }}");
        var scope = new QueryScope(context);
        _keys = new SortBuilder(scope).Build(_host.Entity("Book"), _row, context.Arguments.ValueOf("order"), EntityQuery.Written(context.FieldAst, "order"));
        _paging = new PageSize(Max: 1000, Default: 10).Read(context.Arguments, "Query.books");
        _root = new Sequence(scope.Source.Query(typeof(Book)).Expression, typeof(Book), IsQueryable: true);
        if (_keys.Count != 5 || _paging.After is null)
        {
            throw new InvalidOperationException("The keyset benchmarks were set up wrong.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary><c>OrderBy(...).ThenBy(...)</c> over five keys.</summary>
    [Benchmark]
    public Expression OrderFiveKeys() => Keyset.Order(_root, _keys, reverse: false).Source;

    /// <summary>Decodes the cursor and builds <c>k1 &gt; v1 OR (k1 = v1 AND (...))</c> over five keys.</summary>
    [Benchmark]
    public Expression SeekAfterCursor() => Keyset.Seek(_root, _keys, _row, _paging).Source;

    /// <summary>The root page as <c>EntityQuery.ConnectionAsync</c> composes it: seek, order, take n + 1.</summary>
    [Benchmark]
    public Expression Page() =>
        Keyset.Order(Keyset.Seek(_root, _keys, _row, _paging), _keys, _paging.Window.Backward).Take(QueryParameter.Of(_paging.Window.Size + 1)).Source;
}
