using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>The root fields: connections, a lookup, node and nodes.</summary>
public sealed class LibraryQuery : ObjectGraphType
{
    public LibraryQuery()
    {
        Name = "Query";
        AddField(EntityFields.Connection("books", "Book", "Books."));
        AddField(EntityFields.Connection("authors", "Author", "Authors."));
        AddField(EntityFields.Connection("publishers", "Publisher", "Publishers."));
        AddField(AggregateFields.Connection("booksAggregate", BookAggregates.Definition(), "Groups of books."));
        AddField(EntityFields.Lookup<Book, string>(
            "book", "Book", "A book by ISBN.", new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "isbn" }, isbn => b => b.Isbn == isbn));
        AddField(NodeFields.Node());
        AddField(NodeFields.Nodes());
    }
}

/// <summary>The test schema, wired as the application wires its own.</summary>
public sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<LibraryQuery>();
        QueryingTypes.Register(this, services.GetServices<IEntityGraphType>(), Query);
    }
}
