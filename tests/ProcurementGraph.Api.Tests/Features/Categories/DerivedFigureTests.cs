using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProcurementGraph.Api.Tests.TestKit;
using static ProcurementGraph.Api.Tests.TestKit.Writes;

namespace ProcurementGraph.Api.Tests.Features.Categories;

/// <summary>
/// The derived figures (contractedSpend, contractCoverage, supplierCount, activeContractValue, ratingSummary on categories and
/// suppliers) and the category × start quarter groups of contractsAggregate come from trigger-kept rollup tables; here they are
/// compared, through HTTP, with an independent oracle computed in the test from the base rows (the subtree by code prefix, sums
/// in decimal, averages over the ratings): on the demo data, and after a seeded random sequence of writes of every kind that
/// changes them (contracts created, changed, activated, ended, renewed, deleted; categories moved; approvals linked and unlinked;
/// ratings submitted, changed and withdrawn; value drivers replaced; suppliers created and deleted), and after concurrent
/// activations in one category.
/// </summary>
public sealed class DerivedFigureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Errors = "errors { __typename ... on Error { message } }";

    private const string CategoryFigures = """
        query Figures($after: String) {
          categories(first: 100, after: $after, order: [{ code: ASC }]) {
            pageInfo { hasNextPage endCursor }
            nodes { id code contractedSpend contractCoverage supplierCount ratingSummary { ...Summary } }
          }
        }
        """ + SummaryFields;

    private const string SupplierFigures = """
        query Figures($after: String) {
          suppliers(first: 100, after: $after, order: [{ name: ASC }]) {
            pageInfo { hasNextPage endCursor }
            nodes { id activeContractValue ratingSummary { ...Summary } }
          }
        }
        """ + SummaryFields;

    private static readonly string[] SummaryScores = ["Overall", "Quality", "Delivery", "Responsiveness", "Innovation", "CostValue"];

    private static readonly string[] DriverKinds = ["QUALITY", "DELIVERY", "RESPONSIVENESS", "INNOVATION", "COST"];

    private const string SummaryFields = """

        fragment Summary on RatingSummary {
          count averageOverall averageQuality averageDelivery averageResponsiveness averageInnovation averageCostValue
          averageValueWeightedScore lastRatedOn
        }
        """;

    private const string QuarterGroups = """
        query Groups($after: String) {
          contractsAggregate(groupBy: [CATEGORY, START_QUARTER], first: 500, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes { key { category { code } startQuarter } count sum { annualValue annualSavings } avg { annualValue } }
          }
        }
        """;

    [Fact]
    public async Task On_the_demo_data_every_category_and_supplier_figure_equals_the_oracle()
    {
        var admin = api.CreateAs(Admin);

        await AssertFiguresEqualOracleAsync(admin);
    }

    [Fact]
    public async Task After_a_seeded_random_sequence_of_writes_every_figure_equals_the_oracle()
    {
        // Arrange
        var random = new Random(16_2);
        var editor = api.CreateAs(Editor);
        var admin = api.CreateAs(Admin);
        var rater = api.CreateRater();
        var done = new Dictionary<string, int>();
        var created = new List<int>();

        // Act: 150 writes, each picked at random; a refused write (a transition that is not allowed, a move that would make the
        // tree too deep, a contract in use) is part of the sequence too: it must change nothing.
        for (var step = 0; step < 150; step++)
        {
            var kind = random.Next(14);
            var ok = kind switch
            {
                0 or 1 => await CreateContractAsync(editor, random, created, activate: kind == 0),
                2 => await ChangeStatusAsync(editor, RandomContract(random, "Status IN (1, 2)"), random.Next(2) == 0 ? "ACTIVE" : random.Next(2) == 0 ? "EXPIRED" : "TERMINATED"),
                3 => await UpdateValueAsync(editor, RandomContract(random, "1 = 1"), random),
                4 => await RenewAsync(editor, RandomContract(random, "Status IN (2, 3)"), random),
                5 => await DeleteContractAsync(admin, random, created),
                6 => await MoveAsync(editor, random),
                7 => await LinkAsync(editor, random),
                8 => await UnlinkAsync(editor, random),
                9 => await RateAsync(rater, random),
                10 => await SupplierLifecycleAsync(editor, admin, random),
                11 => await UpdateRatingAsync(admin, random),
                12 => await WithdrawRatingAsync(admin, random),
                _ => await SetValueDriversAsync(admin, random),
            };
            done[kind.ToString(CultureInfo.InvariantCulture)] = done.GetValueOrDefault(kind.ToString(CultureInfo.InvariantCulture)) + (ok ? 1 : 0);
        }

        // Two writers at once in one category and for one supplier: neither increment may be lost.
        var (category, supplier) = (RandomLeaf(random), random.Next(1, 400));
        var drafts = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            drafts.Add(await NewDraftAsync(editor, supplier, category, 1000m + i));
        }

        var parallel = await Task.WhenAll(drafts.Select(id => ChangeStatusAsync(api.CreateAs(Editor), id, "ACTIVE")));

        // Assert: every kind of write happened at least once, and every figure equals the oracle
        Assert.All(Enumerable.Range(0, 14), kind => Assert.True(done.GetValueOrDefault(kind.ToString(CultureInfo.InvariantCulture)) > 0, $"write kind {kind} never succeeded"));
        Assert.All(parallel, Assert.True);
        await AssertFiguresEqualOracleAsync(admin);
    }

    private async Task AssertFiguresEqualOracleAsync(HttpClient client)
    {
        var oracle = Oracle.Read(api.DatabasePath);

        var categories = await AllAsync(client, CategoryFigures, "categories");
        Assert.Equal(oracle.Categories.Count, categories.Count);
        Assert.All(categories, node =>
        {
            var expected = oracle.Categories[(string)node["code"]!];
            Assert.Equal((expected.Code, expected.Spend, expected.Coverage, expected.Suppliers),
                ((string)node["code"]!, (decimal)node["contractedSpend"]!, (double?)node["contractCoverage"], (int)node["supplierCount"]!));
            AssertSummary(oracle.CategoryRatings[(string)node["code"]!], node["ratingSummary"]!);
        });
        Assert.Contains(categories, c => (int)c["ratingSummary"]!["count"]! > 0);
        Assert.Contains(categories, c => (decimal)c["contractedSpend"]! > 0);
        Assert.Contains(categories, c => (int)c["supplierCount"]! > 0);

        var suppliers = await AllAsync(client, SupplierFigures, "suppliers");
        Assert.Equal(oracle.SupplierValues.Count, suppliers.Count);
        Assert.All(suppliers, node =>
        {
            Assert.Equal(oracle.SupplierValues[Key((string)node["id"]!)], (decimal)node["activeContractValue"]!);
            AssertSummary(oracle.SupplierRatings[Key((string)node["id"]!)], node["ratingSummary"]!);
        });
        Assert.Contains(suppliers, s => (int)s["ratingSummary"]!["count"]! > 0);

        var groups = await AllAsync(client, QuarterGroups, "contractsAggregate");
        Assert.Equal(oracle.QuarterGroups.Count, groups.Count);
        Assert.All(groups, node =>
        {
            var expected = oracle.QuarterGroups[((string)node["key"]!["category"]!["code"]!, (string)node["key"]!["startQuarter"]!)];
            Assert.Equal(expected, ((int)node["count"]!, (decimal)node["sum"]!["annualValue"]!, (decimal)node["sum"]!["annualSavings"]!, (double)node["avg"]!["annualValue"]!));
        });
    }

    /// <summary>
    /// Counts, averages (Σ score / count in floating point: what AVG over the integer scores gives) and the latest day exactly;
    /// the value-weighted average to 1e-12 (a floating-point sum over ratings and drivers: the order of its additions is not the
    /// oracle's).
    /// </summary>
    private static void AssertSummary(RatingOracle expected, JsonNode summary)
    {
        Assert.Equal(expected.Count, (int)summary["count"]!);
        Assert.Equal(expected.Averages, SummaryScores.Select(s => (double?)summary["average" + s]).ToArray());
        Assert.Equal(expected.LastRatedOn, (string?)summary["lastRatedOn"]);
        if (expected.Weighted is { } weighted)
        {
            Assert.Equal(weighted, (double)summary["averageValueWeightedScore"]!, 1e-12);
        }
        else
        {
            Assert.Null(summary["averageValueWeightedScore"]);
        }
    }

    private static async Task<List<JsonNode>> AllAsync(HttpClient client, string query, string field)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        do
        {
            var (_, body) = await client.PostGraphQLAsync(query, new { after });
            Assert.Null(body["errors"]);
            var page = body["data"]![field]!;
            nodes.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
        return nodes;
    }

    // ---- the writes ----

    private async Task<bool> CreateContractAsync(HttpClient editor, Random random, List<int> created, bool activate)
    {
        var id = await NewDraftAsync(editor, random.Next(1, 500), RandomLeaf(random), Money(random));
        created.Add(id);
        return !activate || await ChangeStatusAsync(editor, id, "ACTIVE");
    }

    private static async Task<int> NewDraftAsync(HttpClient editor, int supplier, int category, decimal annualValue)
    {
        var number = "CT-R" + Guid.NewGuid().ToString("N")[..10];
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: CreateContractInput!) { createContract(input: $input) { contract { id } {{Errors}} } }""", new
        {
            input = new
            {
                number, title = "Random", supplierId = Id("Supplier", supplier), categoryId = Id("Category", category), ownerId = Id("BusinessUnit", 1),
                startDate = "2026-01-01", endDate = "2027-12-31", noticePeriodDays = 30, paymentTermsDays = 30,
                totalValue = annualValue * 2, annualValue, baselineAnnualCost = annualValue, originalCurrency = "EUR", originalTotalValue = annualValue * 2,
            },
        });
        var payload = body.Payload("createContract");
        Assert.Null(payload["errors"]);
        return Key((string)payload["contract"]!["id"]!);
    }

    private static async Task<bool> ChangeStatusAsync(HttpClient editor, int id, string status)
    {
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: ChangeContractStatusInput!) { changeContractStatus(input: $input) { contract { status } {{Errors}} } }""",
            new { input = new { id = Id("Contract", id), expectedVersion = await VersionAsync(editor, "Contract", id), status } });
        return body.Payload("changeContractStatus")["errors"] is null;
    }

    private static async Task<bool> UpdateValueAsync(HttpClient editor, int id, Random random)
    {
        var annualValue = Money(random);
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: UpdateContractInput!) { updateContract(input: $input) { contract { annualValue } {{Errors}} } }""",
            new { input = new { id = Id("Contract", id), expectedVersion = await VersionAsync(editor, "Contract", id), annualValue, totalValue = annualValue * 3 } });
        return body.Payload("updateContract")["errors"] is null;
    }

    private static async Task<bool> RenewAsync(HttpClient editor, int id, Random random)
    {
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: RenewContractInput!) { renewContract(input: $input) { contract { status } {{Errors}} } }""",
            new { input = new { id = Id("Contract", id), expectedVersion = await VersionAsync(editor, "Contract", id), endDate = "2031-12-31", annualValue = Money(random) } });
        return body.Payload("renewContract")["errors"] is null;
    }

    private async Task<bool> DeleteContractAsync(HttpClient admin, Random random, List<int> created)
    {
        // Mostly the contracts this test made (no ratings refer to them), sometimes a seeded one (refused while rated).
        var id = created.Count > 0 && random.Next(3) > 0 ? created[random.Next(created.Count)] : RandomContract(random, "1 = 1");
        created.Remove(id);
        var (_, body) = await admin.PostGraphQLAsync($$"""mutation($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId {{Errors}} } }""",
            new { input = new { id = Id("Contract", id), expectedVersion = await VersionAsync(admin, "Contract", id) } });
        return body.Payload("deleteContract")["errors"] is null;
    }

    private async Task<bool> MoveAsync(HttpClient editor, Random random)
    {
        // A level-2 or level-3 category below another parent one level up (sometimes a level-2 one to the top, or below a
        // level-2 parent: refused when its subtree would be too deep).
        var id = (int)Row(random, "SELECT Id FROM Categories WHERE Level > 1");
        var level = api.Scalar($"SELECT Level FROM Categories WHERE Id = {id}");
        var parent = random.Next(8) == 0 ? (int?)null : (int)Row(random, $"SELECT Id FROM Categories WHERE Level = {(random.Next(6) == 0 ? level : level - 1)} AND Id <> {id}");
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: MoveCategoryInput!) { moveCategory(input: $input) { category { code } {{Errors}} } }""",
            new { input = new { id = Id("Category", id), newParentId = parent is null ? null : Id("Category", parent.Value), expectedVersion = await VersionAsync(editor, "Category", id) } });
        return body.Payload("moveCategory")["errors"] is null;
    }

    private async Task<bool> LinkAsync(HttpClient editor, Random random)
    {
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: LinkSupplierToCategoryInput!) { linkSupplierToCategory(input: $input) { category { code } {{Errors}} } }""",
            new { input = new { supplierId = Id("Supplier", random.Next(1, 500)), categoryId = Id("Category", RandomLeaf(random)) } });
        return body.Payload("linkSupplierToCategory")["errors"] is null;
    }

    private async Task<bool> UnlinkAsync(HttpClient editor, Random random)
    {
        var rowid = Row(random, "SELECT rowid FROM CategorySuppliers");
        var (category, supplier) = (api.Scalar($"SELECT CategoryId FROM CategorySuppliers WHERE rowid = {rowid}"), api.Scalar($"SELECT SupplierId FROM CategorySuppliers WHERE rowid = {rowid}"));
        var (_, body) = await editor.PostGraphQLAsync($$"""mutation($input: UnlinkSupplierFromCategoryInput!) { unlinkSupplierFromCategory(input: $input) { category { code } {{Errors}} } }""",
            new { input = new { supplierId = Id("Supplier", (int)supplier), categoryId = Id("Category", (int)category) } });
        return body.Payload("unlinkSupplierFromCategory")["errors"] is null;
    }

    private async Task<bool> RateAsync(HttpClient rater, Random random)
    {
        var ratings = Enumerable.Range(0, random.Next(1, 20)).Select(_ => new
        {
            supplierId = Id("Supplier", random.Next(1, 500)), categoryId = Id("Category", RandomLeaf(random)), period = "2026-Q2",
            quality = random.Next(1, 6), delivery = random.Next(1, 6), responsiveness = random.Next(1, 6), innovation = random.Next(1, 6), costValue = random.Next(1, 6), overall = random.Next(1, 6),
        }).ToList();
        var (_, body) = await rater.PostGraphQLAsync($$"""mutation($input: SubmitRatingsInput!) { submitRatings(input: $input) { stakeholderRatings { id } {{Errors}} } }""",
            new { input = new { ratings } });
        return body.Payload("submitRatings")["errors"] is null;
    }

    private async Task<bool> SupplierLifecycleAsync(HttpClient editor, HttpClient admin, Random random)
    {
        // A new supplier approved in a category and given an ACTIVE contract (its deletion refused while in use), then all of it
        // undone and the supplier deleted.
        var (_, made) = await editor.PostGraphQLAsync($$"""mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id } {{Errors}} } }""", new
        {
            input = new { name = "Random supplier", legalName = "Random supplier GmbH", registrationNumber = "HRB-" + Guid.NewGuid().ToString("N")[..8], country = "DE", city = "Bonn", primaryContactEmail = "info@random.example" },
        });
        var supplier = Key((string)made.Payload("createSupplier")["supplier"]!["id"]!);
        var category = RandomLeaf(random);
        var (_, linked) = await editor.PostGraphQLAsync("""mutation($input: LinkSupplierToCategoryInput!) { linkSupplierToCategory(input: $input) { category { code } } }""",
            new { input = new { supplierId = Id("Supplier", supplier), categoryId = Id("Category", category) } });
        Assert.Null(linked.Payload("linkSupplierToCategory")["errors"]);
        var contract = await NewDraftAsync(editor, supplier, category, Money(random));
        Assert.True(await ChangeStatusAsync(editor, contract, "ACTIVE"));
        Assert.False(await DeleteSupplierAsync(admin, supplier));

        var (_, deleted) = await admin.PostGraphQLAsync($$"""mutation($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId {{Errors}} } }""",
            new { input = new { id = Id("Contract", contract), expectedVersion = await VersionAsync(admin, "Contract", contract) } });
        Assert.Null(deleted.Payload("deleteContract")["errors"]);
        var (_, unlinked) = await editor.PostGraphQLAsync("""mutation($input: UnlinkSupplierFromCategoryInput!) { unlinkSupplierFromCategory(input: $input) { category { code } } }""",
            new { input = new { supplierId = Id("Supplier", supplier), categoryId = Id("Category", category) } });
        Assert.Null(unlinked.Payload("unlinkSupplierFromCategory")["errors"]);
        return await DeleteSupplierAsync(admin, supplier);
    }

    private async Task<bool> UpdateRatingAsync(HttpClient admin, Random random)
    {
        // New scores, sometimes another category (or none) and another period.
        var id = (int)Row(random, "SELECT Id FROM StakeholderRatings");
        var categoryId = random.Next(4) == 0 ? null : random.Next(3) == 0 ? Id("Category", RandomLeaf(random)) : null;
        var (_, body) = await admin.PostGraphQLAsync($$"""mutation($input: UpdateRatingInput!) { updateRating(input: $input) { stakeholderRating { id } {{Errors}} } }""", new
        {
            input = random.Next(2) == 0
                ? (object)new { id = Id("StakeholderRating", id), expectedVersion = await VersionAsync(admin, "StakeholderRating", id), quality = random.Next(1, 6), costValue = random.Next(1, 6), overall = random.Next(1, 6) }
                : new { id = Id("StakeholderRating", id), expectedVersion = await VersionAsync(admin, "StakeholderRating", id), categoryId, period = "2025-Q" + random.Next(1, 5), delivery = random.Next(1, 6) },
        });
        return body.Payload("updateRating")["errors"] is null;
    }

    private async Task<bool> WithdrawRatingAsync(HttpClient admin, Random random)
    {
        // Mostly a rating that holds its supplier's latest day for its unit (the day is then read again), sometimes any.
        var id = (int)Row(random, random.Next(3) > 0
            ? "SELECT r.Id FROM StakeholderRatings r WHERE r.RatedOn = (SELECT MAX(x.RatedOn) FROM StakeholderRatings x WHERE x.SupplierId = r.SupplierId AND x.BusinessUnitId = r.BusinessUnitId)"
            : "SELECT Id FROM StakeholderRatings");
        var (_, body) = await admin.PostGraphQLAsync($$"""mutation($input: WithdrawRatingInput!) { withdrawRating(input: $input) { withdrawnRatingId {{Errors}} } }""",
            new { input = new { id = Id("StakeholderRating", id), expectedVersion = await VersionAsync(admin, "StakeholderRating", id) } });
        return body.Payload("withdrawRating")["errors"] is null;
    }

    private async Task<bool> SetValueDriversAsync(HttpClient admin, Random random)
    {
        // New weights for a unit (the summaries weigh by the current drivers): four drivers of 0.1–0.4, the fifth the rest.
        var unit = (int)Row(random, "SELECT Id FROM BusinessUnits");
        var weights = Enumerable.Range(0, 4).Select(_ => random.Next(1, 5) / 10m).ToList();
        while (weights.Sum() >= 1m)
        {
            weights[random.Next(4)] = 0.1m;
        }

        weights.Add(1m - weights.Sum());
        var drivers = DriverKinds.Zip(weights, (driver, weight) => new { driver, weight }).ToList();
        var (_, body) = await admin.PostGraphQLAsync($$"""mutation($input: SetValueDriversInput!) { setValueDrivers(input: $input) { businessUnit { id } {{Errors}} } }""",
            new { input = new { businessUnitId = Id("BusinessUnit", unit), expectedVersion = await VersionAsync(admin, "BusinessUnit", unit), drivers } });
        return body.Payload("setValueDrivers")["errors"] is null;
    }

    private static async Task<bool> DeleteSupplierAsync(HttpClient admin, int id)
    {
        var (_, body) = await admin.PostGraphQLAsync($$"""mutation($input: DeleteSupplierInput!) { deleteSupplier(input: $input) { deletedSupplierId {{Errors}} } }""",
            new { input = new { id = Id("Supplier", id), expectedVersion = await VersionAsync(admin, "Supplier", id) } });
        return body.Payload("deleteSupplier")["errors"] is null;
    }

    private static async Task<string> VersionAsync(HttpClient client, string type, int id)
    {
        var (_, body) = await client.PostGraphQLAsync($$"""{ node(id: "{{Id(type, id)}}") { ... on {{type}} { version } } }""");
        return (string)body["data"]!["node"]!["version"]!;
    }

    private static decimal Money(Random random) => random.Next(0, 5_000_000) / 100m;

    private int RandomLeaf(Random random) => (int)Row(random, "SELECT Id FROM Categories c WHERE NOT EXISTS (SELECT 1 FROM Categories k WHERE k.ParentId = c.Id)");

    private int RandomContract(Random random, string where) => (int)Row(random, $"SELECT Id FROM Contracts WHERE {where}");

    /// <summary>A random row of a one-column query (ordered, so the sequence only depends on the seed).</summary>
    private long Row(Random random, string select)
    {
        var count = api.Scalar($"SELECT COUNT(*) FROM ({select})");
        return api.Scalar($"SELECT * FROM ({select}) ORDER BY 1 LIMIT 1 OFFSET {random.NextInt64(count)}");
    }

    private static int Key(string globalId)
    {
        var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        return int.Parse(decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>A ratingSummary from the base rows: count, the averages (overall, quality … costValue), latest day, value-weighted average.</summary>
    private sealed record RatingOracle(int Count, double?[] Averages, string? LastRatedOn, double? Weighted);

    /// <summary>
    /// The figures straight from the base tables, past the server and independent of the rollups and the parent chain: a
    /// category's subtree is every category whose code is its code or starts with its code and a dot; sums in decimal.
    /// </summary>
    private sealed record Oracle(
        Dictionary<string, (string Code, decimal Spend, double? Coverage, int Suppliers)> Categories,
        Dictionary<int, decimal> SupplierValues,
        Dictionary<string, RatingOracle> CategoryRatings,
        Dictionary<int, RatingOracle> SupplierRatings,
        Dictionary<(string Code, string Quarter), (int Count, decimal Value, decimal Savings, double AverageValue)> QuarterGroups)
    {
        public static Oracle Read(string databasePath)
        {
            using var connection = new SqliteConnection(TestDatabase.ConnectionString(databasePath));
            connection.Open();
            var categories = Rows(connection, "SELECT Id, Code, AnnualSpend FROM Categories", r => (Id: r.GetInt32(0), Code: r.GetString(1), AnnualSpend: double.Parse(r.GetString(2), CultureInfo.InvariantCulture)));
            var contracts = Rows(connection, "SELECT CategoryId, SupplierId, AnnualValue FROM Contracts WHERE Status = 2", r => (Category: r.GetInt32(0), Supplier: r.GetInt32(1), Value: Decimal(r, 2)));
            var links = Rows(connection, "SELECT CategoryId, SupplierId FROM CategorySuppliers", r => (Category: r.GetInt32(0), Supplier: r.GetInt32(1)));
            var suppliers = Rows(connection, "SELECT Id FROM Suppliers", r => r.GetInt32(0));
            var codeOf = categories.ToDictionary(c => c.Id, c => c.Code);

            bool Within(int category, string code) => codeOf[category] == code || codeOf[category].StartsWith(code + ".", StringComparison.OrdinalIgnoreCase);

            var figures = categories.ToDictionary(c => c.Code, c =>
            {
                var spend = contracts.Where(x => Within(x.Category, c.Code)).Sum(x => x.Value);
                var count = links.Where(l => Within(l.Category, c.Code)).Select(l => l.Supplier).Distinct().Count();
                // The coverage as the field defines it: contractedSpend (exact cents, / 100 in floating point) / annualSpend.
                return (c.Code, spend, c.AnnualSpend == 0 ? (double?)null : (double)(long)(spend * 100) / 100d / c.AnnualSpend, count);
            });
            var values = suppliers.ToDictionary(s => s, s => contracts.Where(x => x.Supplier == s).Sum(x => x.Value));

            // Ratings over the base rows, each weighed by its unit's current drivers.
            var drivers = Rows(connection, "SELECT BusinessUnitId, Driver, Weight FROM ValueDrivers", r => (Unit: r.GetInt32(0), Driver: r.GetInt32(1), Weight: Decimal(r, 2)))
                .ToLookup(d => d.Unit);
            var ratings = Rows(connection, "SELECT SupplierId, CategoryId, BusinessUnitId, RatedOn, Quality, Delivery, Responsiveness, Innovation, CostValue, Overall FROM StakeholderRatings",
                r => (Supplier: r.GetInt32(0), Category: r.IsDBNull(1) ? (int?)null : r.GetInt32(1), Unit: r.GetInt32(2), RatedOn: r.GetString(3),
                    Scores: new[] { r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9) }));
            RatingOracle Summary(IEnumerable<(int Supplier, int? Category, int Unit, string RatedOn, int[] Scores)> rows)
            {
                var list = rows.ToList();
                if (list.Count == 0)
                {
                    return new RatingOracle(0, new double?[6], null, null);
                }

                // averageOverall first, then quality … costValue (the scores' column order: Quality … CostValue, Overall).
                double? Average(int score) => (double)list.Sum(r => r.Scores[score]) / list.Count;
                var weighted = list.Sum(r => drivers[r.Unit].Sum(d => (double)d.Weight * r.Scores[d.Driver - 1])) / list.Count;
                return new RatingOracle(list.Count, [Average(5), Average(0), Average(1), Average(2), Average(3), Average(4)], list.Max(r => r.RatedOn), weighted);
            }

            var categoryRatings = categories.ToDictionary(c => c.Code, c => Summary(ratings.Where(r => r.Category is { } id && Within(id, c.Code))));
            var supplierRatings = suppliers.ToDictionary(s => s, s => Summary(ratings.Where(r => r.Supplier == s)));

            // Every contract by (category code, start quarter): counts, sums in decimal, the average over whole cents.
            var all = Rows(connection, "SELECT CategoryId, StartDate, AnnualValue, BaselineAnnualCost FROM Contracts",
                r => (Category: r.GetInt32(0), Start: DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), Value: Decimal(r, 2), Baseline: Decimal(r, 3)));
            var quarterGroups = all.GroupBy(x => (codeOf[x.Category], $"{x.Start.Year}-Q{(x.Start.Month + 2) / 3}"))
                .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(x => x.Value), g.Sum(x => x.Baseline - x.Value), (double)(long)(g.Sum(x => x.Value) * 100) / g.Count() / 100));
            return new Oracle(figures, values, categoryRatings, supplierRatings, quarterGroups);
        }

        private static decimal Decimal(SqliteDataReader reader, int column) => decimal.Parse(reader.GetString(column), CultureInfo.InvariantCulture);

        private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }
}
