using GraphQL;
using GraphQL.Utilities;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>The cost directives are declared and applied where HotChocolate applies them.</summary>
public sealed class CostDirectiveSchemaTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private string Sdl => fixture.Schema.Print(new PrintOptions { IncludeDescriptions = false });

    /// <summary>What the printed schema carries, a fragment a row.</summary>
    public static TheoryData<string> Placements => new()
    {
        // The directives, with HotChocolate's arguments and locations.
        "directive @cost(weight: String!) on SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | ENUM | INPUT_FIELD_DEFINITION",
        "directive @listSize(assumedSize: Int, slicingArguments: [String!], slicingArgumentDefaultValue: Int, sizedFields: [String!], requireOneSlicingArgument: Boolean! = true) on FIELD_DEFINITION",

        // Connections: listSize, root ones a cost, where and order a cost.
        "books(first: Int, after: String, last: Int, before: String, where: BookFilterInput @cost(weight: \"10\"), order: [BookSortInput!] @cost(weight: \"10\")): BooksConnection "
        + "@listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false) @cost(weight: \"10\")",
        "catalog(first: Int, after: String, last: Int, before: String, where: BookFilterInput @cost(weight: \"10\"), order: [BookSortInput!] @cost(weight: \"10\")): CatalogConnection "
        + "@listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)\n",
        "totalCount: Int! @cost(weight: \"10\")",

        // Aggregates: the grouping's weight, sized as connections of groups.
        "booksAggregate(first: Int, after: String, last: Int, before: String, where: BookFilterInput @cost(weight: \"10\"), groupBy: [BookGroupBy!], "
        + "having: BookAggregateHavingInput @cost(weight: \"10\"), order: [BookAggregateSortInput!] @cost(weight: \"10\")): BooksAggregateConnection "
        + "@cost(weight: \"60\") @listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)",
        "  count: SortEnumType @cost(weight: \"10\")\n",
        "  price: DecimalOperationFilterInput\n",

        // Relation lists: listSize on first; root fields: the resolver cost.
        "books(first: Int, where: BookFilterInput @cost(weight: \"10\"), order: [BookSortInput!] @cost(weight: \"10\")): [Book!]! "
        + "@listSize(slicingArguments: [\"first\"], requireOneSlicingArgument: false)\n",
        "book(isbn: String!): Book @cost(weight: \"10\")",
        "node(id: ID!): Node @cost(weight: \"10\")",

        // Filter operations and sort fields: a cost, expensive string operations 20.
        "eq: String @cost(weight: \"10\")",
        "contains: String @cost(weight: \"20\")",
        "nendsWith: String @cost(weight: \"20\")",
        "gt: Int @cost(weight: \"10\")",
        "some: BookFilterInput @cost(weight: \"10\")",
        "any: Boolean @cost(weight: \"10\")",
        "title: SortEnumType @cost(weight: \"10\")",
        "and: [StringOperationFilterInput!]\n",
        "author: AuthorSortInput\n",
        "  title: String!\n",
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void The_directives_are_declared_and_applied_where_hotchocolate_applies_them(string fragment)
    {
        Assert.Contains(fragment, Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_matching_operation_weighs_20_as_contains_does()
    {
        // A new text operation declared in FilterOperations with the Regular cost class would weigh 10.
        var start = Sdl.IndexOf("input StringOperationFilterInput {", StringComparison.Ordinal);
        var block = Sdl[start..Sdl.IndexOf('}', start)];
        var operations = block.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.NotEmpty(operations);
        Assert.All(
            operations.Where(l => !l.StartsWith("and:", StringComparison.Ordinal) && !l.StartsWith("or:", StringComparison.Ordinal)),
            line => Assert.EndsWith(
                line.Split(':')[0] is "eq" or "neq" or "in" or "nin" ? "@cost(weight: \"10\")" : "@cost(weight: \"20\")", line, StringComparison.Ordinal));
    }
}
