using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Bench.Micro.Model;

/// <summary>The root fields: one toolkit connection per entity, as the application declares its own.</summary>
internal sealed class LibraryQuery : ObjectGraphType
{
    public LibraryQuery(ResolverCapture capture)
    {
        Name = "Query";
        AddField(capture.Wrap(EntityFields.Connection("books", "Book", "Books.")));
        AddField(capture.Wrap(EntityFields.Connection("authors", "Author", "Authors.")));
        AddField(capture.Wrap(EntityFields.Connection("publishers", "Publisher", "Publishers.")));
    }
}

/// <summary>The benchmark schema, wired as the application wires its own.</summary>
internal sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<LibraryQuery>();
        QueryingTypes.Register(this, services.GetServices<IEntityGraphType>(), Query);
    }
}

/// <summary>
/// Hands a benchmark the exact <see cref="IResolveFieldContext"/> GraphQL.NET gives a root field's resolver (arguments
/// coerced from the document, variables, the document, the schema, the request's services), so the toolkit's builders
/// can be measured alone. In <see cref="RootFieldMode.Capture"/> a root field copies its context and resolves to null
/// instead of querying; in <see cref="RootFieldMode.Skip"/> it only resolves to null; in <see cref="RootFieldMode.Run"/>
/// (the end-to-end benchmarks) it costs one field read.
/// </summary>
internal sealed class ResolverCapture
{
    private IResolveFieldContext? _captured;

    public RootFieldMode Mode { get; set; }

    public FieldType Wrap(FieldType field)
    {
        var resolver = field.Resolver ?? throw new InvalidOperationException($"{field.Name} has no resolver.");
        field.Resolver = new FuncFieldResolver<object>(context =>
        {
            switch (Mode)
            {
                case RootFieldMode.Run:
                    return resolver.ResolveAsync(context);
                case RootFieldMode.Capture:
                    // The engine reuses its context objects once the resolver returns: keep a copy.
                    _captured = new ResolveFieldContext(context);
                    break;
            }

            return ValueTask.FromResult<object?>(null);
        });
        return field;
    }

    /// <summary>The context captured by the last execution in <see cref="RootFieldMode.Capture"/>.</summary>
    public IResolveFieldContext Take()
    {
        var captured = _captured ?? throw new InvalidOperationException("No root field was resolved while capturing.");
        _captured = null;
        return captured;
    }
}

/// <summary>What the root fields do.</summary>
internal enum RootFieldMode
{
    /// <summary>Query, as the application does.</summary>
    Run,

    /// <summary>Keep a copy of the resolver's context and resolve to null.</summary>
    Capture,

    /// <summary>Resolve to null: the request costs everything but the toolkit and the database.</summary>
    Skip,
}
