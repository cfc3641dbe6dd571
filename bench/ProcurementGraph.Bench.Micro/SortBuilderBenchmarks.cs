using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using GraphQL;
using ProcurementGraph.Bench.Micro.Model;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Bench.Micro;

/// <summary><see cref="SortBuilder.Build"/> as <c>EntityQuery.ConnectionAsync</c> calls it (a new scope per root field).</summary>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed classes only.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class SortBuilderBenchmarks
{
    /// <summary>No <c>order</c>: the key only.</summary>
    private const string DefaultDocument = "{ books(first: 20) { nodes { key } } }";

    /// <summary>Four keys written as a literal (their written order wins), one through a reference; the key is appended.</summary>
    private const string FourKeysDocument =
        "{ books(first: 20, order: [{ genre: ASC }, { price: DESC }, { author: { name: ASC } }, { publishedOn: DESC }]) { nodes { key } } }";

    private LibraryHost _host = null!;
    private IResolveFieldContext _default = null!;
    private IResolveFieldContext _fourKeys = null!;
    private IEntityGraphType _book = null!;
    private readonly ParameterExpression _row = Expression.Parameter(typeof(Book), "x");

    [GlobalSetup]
    public void Setup()
    {
        _host = new LibraryHost();
        _book = _host.Entity("Book");
        _default = _host.Capture(DefaultDocument);
        _fourKeys = _host.Capture(FourKeysDocument);
        if (FourKeys().Count != 5 || Default().Count != 1)
        {
            throw new InvalidOperationException("The sort benchmarks built unexpected keys.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public List<SortKey> Default() => Build(_default);

    [Benchmark]
    public List<SortKey> FourKeys() => Build(_fourKeys);

    private List<SortKey> Build(IResolveFieldContext context) =>
        new SortBuilder(new QueryScope(context)).Build(_book, _row, context.Arguments.ValueOf("order"), EntityQuery.Written(context.FieldAst, "order"));
}
