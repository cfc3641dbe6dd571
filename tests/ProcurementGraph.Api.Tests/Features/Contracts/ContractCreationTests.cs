using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Contracts;

/// <summary>createContract and renewContract through HTTP.</summary>
public sealed class ContractCreationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Create = """
        mutation Create($input: CreateContractInput!) {
          createContract(input: $input) {
            contract { id number status annualSavings supplier { id } owner { code } category { id } }
            errors { __typename ... on Error { message } ... on ValidationError { field code } ... on NotFoundError { field } }
          }
        }
        """;

    private const string Renew = """
        mutation Renew($input: RenewContractInput!) {
          renewContract(input: $input) {
            contract { status endDate totalValue version }
            errors { __typename ... on InvalidStatusTransitionError { from to } ... on ValidationError { field code } }
          }
        }
        """;

    private static object NewContract(string number, int supplier = 7) => new
    {
        number, title = "Fasteners framework", supplierId = Id("Supplier", supplier), categoryId = Id("Category", 52), ownerId = Id("BusinessUnit", 1),
        startDate = "2026-07-01", endDate = "2027-06-30", noticePeriodDays = 90, paymentTermsDays = 30,
        totalValue = 120000m, annualValue = 120000m, baselineAnnualCost = 130000m, originalCurrency = "eur", originalTotalValue = 110000m,
    };

    [Fact]
    public async Task Editor_creates_a_draft_contract_in_three_statements_and_an_audit_insert()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Create, new { input = NewContract("CT-900001") });

        // Assert
        var contract = body.Payload("createContract")["contract"]!;
        Assert.Equal("DRAFT", (string?)contract["status"]);
        Assert.Equal(10000m, (decimal)contract["annualSavings"]!);
        Assert.Equal("MFG-EU", (string?)contract["owner"]!["code"]);
        Assert.Equal(3, api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Contracts WHERE Number = 'CT-900001' AND OriginalCurrency = 'EUR'"));
    }

    [Fact]
    public async Task Unknown_references_and_a_taken_number_are_typed_errors()
    {
        // Act
        var (_, body) = await api.CreateAs(Editor).PostGraphQLAsync(Create, new { input = NewContract("CT-000001", supplier: 999999) });

        // Assert
        Assert.Equal([("NotFoundError", "supplierId", null), ("ValidationError", "number", "DUPLICATE")], body.Payload("createContract").Errors());
    }

    [Fact]
    public async Task Renewing_extends_the_term_by_its_length_and_a_terminated_contract_cannot_be_renewed()
    {
        // Arrange: contract 2 is ACTIVE 2024-10-06..2027-10-05; contract 4 is TERMINATED
        var editor = api.CreateAs(Editor);

        // Act
        var (_, renewed) = await editor.PostGraphQLAsync(Renew, new { input = new { id = Id("Contract", 2), expectedVersion = await VersionOf(editor, 2) } });
        var (_, terminated) = await editor.PostGraphQLAsync(Renew, new { input = new { id = Id("Contract", 4), expectedVersion = await VersionOf(editor, 4) } });

        // Assert
        var contract = renewed.Payload("renewContract")["contract"]!;
        Assert.Equal("ACTIVE", (string?)contract["status"]);
        Assert.Equal("2030-10-04", (string?)contract["endDate"]);
        var error = terminated.Payload("renewContract")["errors"]![0]!;
        Assert.Equal(("InvalidStatusTransitionError", "TERMINATED"), ((string?)error["__typename"], (string?)error["from"]));
    }

    private static async Task<string> VersionOf(HttpClient client, int contract) =>
        (string)(await client.PostGraphQLAsync("{ c: node(id: \"" + Id("Contract", contract) + "\") { ... on Contract { version } } }")).Body["data"]!["c"]!["version"]!;
}
