using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;
using ProcurementGraph.Toolkit.Querying.Selection;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Bench.Micro;

/// <summary>
/// <see cref="Projector.Row"/> for a root page's nodes, called as <c>EntityQuery.ConnectionAsync</c> calls it (a new scope
/// and projector per root field, the sort keys for the cursor, the page query as the owners); the node selection is
/// collected once in the set-up, and separately measured by <see cref="CollectNestedSelection"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet runs public, unsealed classes only.")]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class ProjectorBenchmarks
{
    /// <summary>Ten scalars: columns, a global ID, a computed value.</summary>
    private const string ScalarsDocument =
        "{ books(first: 50) { nodes { id key title subtitle price rating publishedOn genre format priceLabel } } }";

    /// <summary>Two references (one nullable) and, under one, a nested connection with its own order, count and a reference that waits for a batch.</summary>
    private const string NestedDocument = """
        {
          books(first: 50, order: [{ publishedOn: DESC }]) {
            nodes {
              title price
              author {
                name email
                catalog(first: 3, order: [{ pages: DESC }]) { totalCount nodes { title pages publisher { name } } }
              }
              publisher { name country }
            }
          }
        }
        """;

    private LibraryHost _host = null!;
    private RootField _scalars = null!;
    private RootField _nested = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new LibraryHost();
        _host.Verify(NestedDocument, "books.nodes");
        _scalars = new RootField(_host.Capture(ScalarsDocument), _host.Entity("Book"));
        _nested = new RootField(_host.Capture(NestedDocument), _host.Entity("Book"));
        if (_nested.Selection.NodeFields.Count != 4 || _scalars.Selection.NodeFields.Count != 10)
        {
            throw new InvalidOperationException("The projection benchmarks collected unexpected selections.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public Expression RowScalars() => _scalars.Project();

    [Benchmark]
    public Expression RowReferencesAndNestedConnection() => _nested.Project();

    /// <summary><see cref="ConnectionSelection.Of"/> for the nested document's root (nested levels are collected inside <see cref="Projector"/>).</summary>
    [Benchmark]
    public ConnectionSelection CollectNestedSelection() => _nested.Collect();

    /// <summary>What <c>EntityQuery.ConnectionAsync</c> has in hand when it calls <see cref="Projector.Row"/>.</summary>
    private sealed class RootField
    {
        private readonly IResolveFieldContext _context;
        private readonly IEntityGraphType _entity;
        private readonly ParameterExpression _row;
        private readonly List<SortKey> _keys;
        private readonly Expression _page;

        public RootField(IResolveFieldContext context, IEntityGraphType entity)
        {
            _context = context;
            _entity = entity;
            _row = Expression.Parameter(entity.EntityType, "x");
            var scope = new QueryScope(context);
            _keys = new SortBuilder(scope).Build(entity, _row, context.Arguments.ValueOf("order"), EntityQuery.Written(context.FieldAst, "order"));
            var paging = scope.PageSizes.RootConnection.Read(context.Arguments, "Query.books");
            var root = scope.Restrict(new Sequence(scope.Source.Query(entity.EntityType).Expression, entity.EntityType, IsQueryable: true));
            _page = Keyset.Order(Keyset.Seek(root, _keys, _row, paging), _keys, paging.Window.Backward)
                .Take(QueryParameter.Of(paging.Window.Size + 1)).Source;
            Selection = Collect();
        }

        public ConnectionSelection Selection { get; }

        public ConnectionSelection Collect() =>
            ConnectionSelection.Of(_context, (IComplexGraphType)_context.FieldDefinition.ResolvedType!.GetNamedType(), _entity, [_context.FieldAst.SelectionSet!]);

        public Expression Project() =>
            new Projector(new QueryScope(_context)).Row(new RowRequest(_entity, _row, Selection.NodeFields) { CursorKeys = _keys, Owners = _page }).Row;
    }
}
