using GraphQL;
using GraphQL.Utilities;

namespace ProcurementGraph.Toolkit.Tests.Limits;

/// <summary>The cost directives are declared and applied where HotChocolate applies them.</summary>
public sealed class CostDirectiveSchemaTests(LimitsFixture fixture) : IClassFixture<LimitsFixture>
{
    private string Sdl => fixture.Schema.Print(new PrintOptions { IncludeDescriptions = false });

    [Fact]
    public void The_directives_are_declared_with_hotchocolates_arguments_and_locations()
    {
        Assert.Contains("directive @cost(weight: String!) on SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | ENUM | INPUT_FIELD_DEFINITION", Sdl, StringComparison.Ordinal);
        Assert.Contains(
            "directive @listSize(assumedSize: Int, slicingArguments: [String!], slicingArgumentDefaultValue: Int, sizedFields: [String!], requireOneSlicingArgument: Boolean! = true) on FIELD_DEFINITION",
            Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Connections_get_listSize_root_ones_a_cost_and_their_where_and_order_arguments_a_cost()
    {
        Assert.Contains(
            "books(first: Int, after: String, last: Int, before: String, where: BookFilterInput @cost(weight: \"10\"), order: [BookSortInput!] @cost(weight: \"10\")): BooksConnection "
            + "@listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false) @cost(weight: \"10\")",
            Sdl, StringComparison.Ordinal);
        Assert.Contains(
            "catalog(first: Int, after: String, last: Int, before: String, where: BookFilterInput @cost(weight: \"10\"), order: [BookSortInput!] @cost(weight: \"10\")): CatalogConnection "
            + "@listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)\n",
            Sdl, StringComparison.Ordinal);
        Assert.Contains("totalCount: Int! @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregates_weigh_the_grouping_and_are_sized_as_connections_of_groups()
    {
        Assert.Contains(
            "booksAggregate(first: Int, after: String, last: Int, before: String, where: BookFilterInput @cost(weight: \"10\"), groupBy: [BookGroupBy!], "
            + "having: BookAggregateHavingInput @cost(weight: \"10\"), order: [BookAggregateSortInput!] @cost(weight: \"10\")): BooksAggregateConnection "
            + "@cost(weight: \"60\") @listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)",
            Sdl, StringComparison.Ordinal);
        Assert.Contains("  count: SortEnumType @cost(weight: \"10\")\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  price: DecimalOperationFilterInput\n", Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Relation_lists_get_listSize_on_first_and_root_fields_the_resolver_cost()
    {
        Assert.Contains(
            "books(first: Int, where: BookFilterInput @cost(weight: \"10\"), order: [BookSortInput!] @cost(weight: \"10\")): [Book!]! "
            + "@listSize(slicingArguments: [\"first\"], requireOneSlicingArgument: false)\n",
            Sdl, StringComparison.Ordinal);
        Assert.Contains("book(isbn: String!): Book @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("node(id: ID!): Node @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_operations_and_sort_fields_get_a_cost_expensive_string_operations_20()
    {
        Assert.Contains("eq: String @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("contains: String @cost(weight: \"20\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("nendsWith: String @cost(weight: \"20\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("gt: Int @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("some: BookFilterInput @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("any: Boolean @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("title: SortEnumType @cost(weight: \"10\")", Sdl, StringComparison.Ordinal);
        Assert.Contains("and: [StringOperationFilterInput!]\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("author: AuthorSortInput\n", Sdl, StringComparison.Ordinal);
        Assert.Contains("  title: String!\n", Sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_matching_operation_weighs_20_as_contains_does()
    {
        // A new text operation missing from CostDefaultsSchemaVisitor.ExpensiveOperations would weigh 10.
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
