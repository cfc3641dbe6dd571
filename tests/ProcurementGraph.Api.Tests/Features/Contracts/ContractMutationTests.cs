using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Contracts;

/// <summary>updateContract and changeContractStatus through HTTP.</summary>
public sealed class ContractMutationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Update = """
        mutation Update($input: UpdateContractInput!) {
          updateContract(input: $input) {
            contract { id version title annualValue baselineAnnualCost annualSavings endDate noticePeriodDays }
            errors { __typename ... on Error { message } ... on ValidationError { field code } ... on ConcurrencyConflictError { currentVersion } }
          }
        }
        """;

    private const string ChangeStatus = """
        mutation ChangeStatus($input: ChangeContractStatusInput!) {
          changeContractStatus(input: $input) { contract { status version } errors { __typename ... on InvalidStatusTransitionError { from to allowed } } }
        }
        """;

    [Fact]
    public async Task Update_changes_the_terms_and_the_derived_savings_follow_at_once()
    {
        // Arrange: contract 2 (ACTIVE), baseline 62738.60
        var editor = api.CreateAs(Editor);
        var version = await VersionOf(editor, 2);
        api.Sql.Reset();

        // Act
        var (_, body) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Contract", 2), expectedVersion = version, annualValue = 50000.5m, noticePeriodDays = 60 } });

        // Assert
        var contract = body.Payload("updateContract")["contract"]!;
        Assert.Equal(50000.5m, (decimal)contract["annualValue"]!);
        Assert.Equal(12738.1m, (decimal)contract["annualSavings"]!);
        Assert.Equal(60, (int)contract["noticePeriodDays"]!);
        Assert.Equal("2027-10-05", (string?)contract["endDate"]);
        Assert.Equal(3, api.Sql.Commands.Count(s => !s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Money_that_does_not_fit_the_column_and_dates_out_of_order_are_validation_errors()
    {
        // Arrange
        var editor = api.CreateAs(Editor);
        var version = await VersionOf(editor, 1);

        // Act
        var (_, money) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Contract", 1), expectedVersion = version, totalValue = 1e17m, annualValue = 10.123m, baselineAnnualCost = -1m, originalCurrency = "EUX" } });
        var (_, dates) = await editor.PostGraphQLAsync(Update, new { input = new { id = Id("Contract", 1), expectedVersion = version, endDate = "2025-01-01" } });

        // Assert
        Assert.Equal(
            [("ValidationError", "totalValue", "OUT_OF_RANGE"), ("ValidationError", "annualValue", "INVALID_FORMAT"), ("ValidationError", "baselineAnnualCost", "OUT_OF_RANGE"), ("ValidationError", "originalCurrency", "INVALID_VALUE")],
            money.Payload("updateContract").Errors());
        Assert.Equal([("ValidationError", "endDate", "INVALID_VALUE")], dates.Payload("updateContract").Errors());
        Assert.Equal(1, api.Scalar("SELECT COUNT(*) FROM Contracts WHERE Id = 1 AND EndDate = '2027-01-11'"));
    }

    [Fact]
    public async Task Status_moves_draft_to_active_to_terminated_and_nothing_else()
    {
        // Arrange: contract 3 is a DRAFT
        var editor = api.CreateAs(Editor);
        var version = await VersionOf(editor, 3);

        // Act
        var (_, expire) = await editor.PostGraphQLAsync(ChangeStatus, new { input = new { id = Id("Contract", 3), expectedVersion = version, status = "EXPIRED" } });
        var active = (await editor.PostGraphQLAsync(ChangeStatus, new { input = new { id = Id("Contract", 3), expectedVersion = version, status = "ACTIVE" } })).Body.Payload("changeContractStatus")["contract"]!;
        var terminated = (await editor.PostGraphQLAsync(ChangeStatus, new { input = new { id = Id("Contract", 3), expectedVersion = (string)active["version"]!, status = "TERMINATED" } })).Body.Payload("changeContractStatus")["contract"]!;

        // Assert
        var error = expire.Payload("changeContractStatus")["errors"]![0]!;
        Assert.Equal(("DRAFT", "EXPIRED"), ((string?)error["from"], (string?)error["to"]));
        Assert.Equal(["ACTIVE"], error["allowed"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("ACTIVE", (string?)active["status"]);
        Assert.Equal("TERMINATED", (string?)terminated["status"]);
    }

    [Fact]
    public async Task A_partner_cannot_change_even_its_own_contracts()
    {
        // Act
        var (_, body) = await api.CreateClient([Partner], new Dictionary<string, object> { ["supplier_id"] = "1" })
            .PostGraphQLAsync(Update, new { input = new { id = Id("Contract", 1028), expectedVersion = "x", title = "Ours now" } });

        // Assert
        Assert.Equal("AUTH_NOT_AUTHORIZED", body.ErrorCode());
    }

    private static async Task<string> VersionOf(HttpClient client, int contract) =>
        (string)(await client.PostGraphQLAsync("{ contract: node(id: \"" + Id("Contract", contract) + "\") { ... on Contract { version } } }")).Body["data"]!["contract"]!["version"]!;
}
