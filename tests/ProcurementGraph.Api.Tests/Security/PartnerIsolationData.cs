using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// What the partner isolation tests expect, read straight from the demo database with SQL (not through the API):
/// the partner's own supplier and what hangs off it, and the other suppliers' data it must never reach.
/// </summary>
public sealed class PartnerIsolationData
{
    /// <summary>The partner's supplier ("Altar Components"): 11 contracts in 3 categories, owned by 6 business units, 34 ratings.</summary>
    public const int OwnSupplierId = 111;

    /// <summary>Another supplier with contracts in two of the partner's categories: the first thing a category route would leak.</summary>
    public const int OtherSupplierId = 366;

    /// <summary>A key no row of any table has.</summary>
    public const int MissingKey = 999_999;

    private static readonly ConcurrentDictionary<string, Task<PartnerIsolationData>> Loaded = new();

    private PartnerIsolationData()
    {
    }

    public string OwnName { get; private set; } = "";

    public string OwnGlobalId { get; } = GlobalId.Encode("Supplier", OwnSupplierId);

    public string OtherName { get; private set; } = "";

    public string OtherGlobalId { get; } = GlobalId.Encode("Supplier", OtherSupplierId);

    public string OtherRegistrationNumber { get; private set; } = "";

    /// <summary>The own supplier's contract numbers.</summary>
    public IReadOnlySet<string> OwnContractNumbers { get; private set; } = new HashSet<string>();

    /// <summary>The categories the own supplier is linked to or has a contract in (the partner rule's categories).</summary>
    public IReadOnlySet<string> OwnCategoryCodes { get; private set; } = new HashSet<string>();

    /// <summary>The categories the own supplier is linked to (<c>CategorySuppliers</c>).</summary>
    public IReadOnlySet<string> OwnLinkedCategoryCodes { get; private set; } = new HashSet<string>();

    /// <summary>An own contract.</summary>
    public string OwnContractGlobalId { get; private set; } = "";

    /// <summary>A category the own supplier is linked to.</summary>
    public string OwnCategoryGlobalId { get; private set; } = "";

    /// <summary>A rating of the own supplier (never visible one by one).</summary>
    public string OwnRatingGlobalId { get; private set; } = "";

    /// <summary>A category both suppliers have contracts in.</summary>
    public string SharedCategoryCode { get; private set; } = "";

    /// <summary>The number of own contracts in <see cref="SharedCategoryCode"/>.</summary>
    public int OwnContractsInSharedCategory { get; private set; }

    /// <summary>A contract of the other supplier in <see cref="SharedCategoryCode"/>.</summary>
    public string OtherContractNumber { get; private set; } = "";

    public string OtherContractGlobalId { get; private set; } = "";

    /// <summary>A category the own supplier is neither linked to nor has a contract in, where other suppliers have contracts.</summary>
    public string UnlinkedCategoryCode { get; private set; } = "";

    public string UnlinkedCategoryGlobalId { get; private set; } = "";

    /// <summary>The names of the business units owning own contracts.</summary>
    public IReadOnlySet<string> OwnOwnerNames { get; private set; } = new HashSet<string>();

    /// <summary>A business unit owning an own contract.</summary>
    public string OwnerBusinessUnitGlobalId { get; private set; } = "";

    /// <summary>A business unit owning no own contract.</summary>
    public string OtherBusinessUnitGlobalId { get; private set; } = "";

    public string OtherBusinessUnitCode { get; private set; } = "";

    public string GoalCode { get; private set; } = "";

    public string GoalGlobalId { get; private set; } = "";

    public string OtherRatingGlobalId { get; private set; } = "";

    /// <summary>The summed annual value of the own supplier's ACTIVE contracts.</summary>
    public decimal OwnActiveContractValue { get; private set; }

    public RatingFacts OwnRatings { get; private set; } = new(0, null, null, null, null, null, null, null, null);

    /// <summary>
    /// Strings a partner response must never contain: the names, legal names and global IDs of every other supplier in
    /// the partner's categories, the numbers and global IDs of their contracts there, and every registration number.
    /// </summary>
    public IReadOnlySet<string> NeverVisible { get; private set; } = new HashSet<string>();

    /// <summary>Filter values naming another supplier's data: its name, ID, a contract number and an unlinked category.</summary>
    public object ForeignFilterValues => new
    {
        name = OtherName,
        supplier = OtherGlobalId,
        number = OtherContractNumber,
        category = UnlinkedCategoryCode,
    };

    /// <summary>Filter values of the same shape naming nothing that exists.</summary>
    public static object MissingFilterValues { get; } = new
    {
        name = "No Such Supplier Ltd",
        supplier = GlobalId.Encode("Supplier", MissingKey),
        number = "CT-999999",
        category = "ZZ.NO.SUCH",
    };

    /// <summary>The facts of the database at <paramref name="databasePath"/> (read once per database).</summary>
    public static Task<PartnerIsolationData> LoadAsync(string databasePath) => Loaded.GetOrAdd(databasePath, ReadAsync);

    private static async Task<PartnerIsolationData> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(TestDatabase.ConnectionString(databasePath) + ";Mode=ReadOnly");
        await connection.OpenAsync();
        var own = OwnSupplierId.ToString(CultureInfo.InvariantCulture);
        var other = OtherSupplierId.ToString(CultureInfo.InvariantCulture);
        var ownCategories = $"(SELECT CategoryId FROM CategorySuppliers WHERE SupplierId = {own} UNION SELECT CategoryId FROM Contracts WHERE SupplierId = {own})";

        var data = new PartnerIsolationData
        {
            OwnName = await ScalarAsync(connection, $"SELECT Name FROM Suppliers WHERE Id = {own}"),
            OtherName = await ScalarAsync(connection, $"SELECT Name FROM Suppliers WHERE Id = {other}"),
            OtherRegistrationNumber = await ScalarAsync(connection, $"SELECT RegistrationNumber FROM Suppliers WHERE Id = {other}"),
            OwnContractNumbers = (await ColumnAsync(connection, $"SELECT Number FROM Contracts WHERE SupplierId = {own}")).ToHashSet(),
            OwnCategoryCodes = (await ColumnAsync(connection, $"SELECT Code FROM Categories WHERE Id IN {ownCategories}")).ToHashSet(),
            OwnLinkedCategoryCodes = (await ColumnAsync(connection,
                $"SELECT c.Code FROM Categories c JOIN CategorySuppliers l ON l.CategoryId = c.Id WHERE l.SupplierId = {own}")).ToHashSet(),
            OwnOwnerNames = (await ColumnAsync(connection,
                $"SELECT DISTINCT b.Name FROM BusinessUnits b JOIN Contracts c ON c.OwnerId = b.Id WHERE c.SupplierId = {own}")).ToHashSet(),
            OwnActiveContractValue = (await ColumnAsync(connection, $"SELECT AnnualValue FROM Contracts WHERE SupplierId = {own} AND Status = 2"))
                .Sum(v => decimal.Parse(v, CultureInfo.InvariantCulture)),
            GoalCode = await ScalarAsync(connection, "SELECT Code FROM StrategicGoals ORDER BY Id LIMIT 1"),
        };

        data.OwnContractGlobalId = GlobalId.Encode("Contract",
            await ScalarAsync(connection, $"SELECT Id FROM Contracts WHERE SupplierId = {own} ORDER BY Id LIMIT 1"));
        data.OwnCategoryGlobalId = GlobalId.Encode("Category",
            await ScalarAsync(connection, $"SELECT CategoryId FROM CategorySuppliers WHERE SupplierId = {own} ORDER BY CategoryId LIMIT 1"));
        data.OwnRatingGlobalId = GlobalId.Encode("StakeholderRating",
            await ScalarAsync(connection, $"SELECT Id FROM StakeholderRatings WHERE SupplierId = {own} ORDER BY Id LIMIT 1"));

        var shared = await ScalarAsync(connection,
            $"SELECT CategoryId FROM Contracts WHERE SupplierId = {other} AND CategoryId IN (SELECT CategoryId FROM Contracts WHERE SupplierId = {own}) ORDER BY CategoryId LIMIT 1");
        data.SharedCategoryCode = await ScalarAsync(connection, $"SELECT Code FROM Categories WHERE Id = {shared}");
        data.OwnContractsInSharedCategory = int.Parse(
            await ScalarAsync(connection, $"SELECT COUNT(*) FROM Contracts WHERE SupplierId = {own} AND CategoryId = {shared}"), CultureInfo.InvariantCulture);
        var otherContract = await ScalarAsync(connection, $"SELECT Id FROM Contracts WHERE SupplierId = {other} AND CategoryId = {shared} ORDER BY Id LIMIT 1");
        data.OtherContractNumber = await ScalarAsync(connection, $"SELECT Number FROM Contracts WHERE Id = {otherContract}");
        data.OtherContractGlobalId = GlobalId.Encode("Contract", otherContract);

        var unlinked = await ScalarAsync(connection,
            $"SELECT c.Id FROM Categories c WHERE c.Id NOT IN {ownCategories} AND EXISTS (SELECT 1 FROM Contracts k WHERE k.CategoryId = c.Id) ORDER BY c.Id LIMIT 1");
        data.UnlinkedCategoryCode = await ScalarAsync(connection, $"SELECT Code FROM Categories WHERE Id = {unlinked}");
        data.UnlinkedCategoryGlobalId = GlobalId.Encode("Category", unlinked);

        data.OwnerBusinessUnitGlobalId = GlobalId.Encode("BusinessUnit",
            await ScalarAsync(connection, $"SELECT OwnerId FROM Contracts WHERE SupplierId = {own} ORDER BY Id LIMIT 1"));
        var otherUnit = await ScalarAsync(connection,
            $"SELECT Id FROM BusinessUnits WHERE Id NOT IN (SELECT OwnerId FROM Contracts WHERE SupplierId = {own}) ORDER BY Id LIMIT 1");
        data.OtherBusinessUnitGlobalId = GlobalId.Encode("BusinessUnit", otherUnit);
        data.OtherBusinessUnitCode = await ScalarAsync(connection, $"SELECT Code FROM BusinessUnits WHERE Id = {otherUnit}");
        data.GoalGlobalId = GlobalId.Encode("StrategicGoal", await ScalarAsync(connection, "SELECT Id FROM StrategicGoals ORDER BY Id LIMIT 1"));
        data.OtherRatingGlobalId = GlobalId.Encode("StakeholderRating",
            await ScalarAsync(connection, $"SELECT Id FROM StakeholderRatings WHERE SupplierId = {other} ORDER BY Id LIMIT 1"));
        data.OwnRatings = await RatingsAsync(connection, own);

        var foreignSuppliers = $"(SELECT SupplierId FROM CategorySuppliers WHERE CategoryId IN {ownCategories} UNION SELECT SupplierId FROM Contracts WHERE CategoryId IN {ownCategories})";
        var foreign = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in await ColumnAsync(connection, $"SELECT Id FROM Suppliers WHERE Id <> {own} AND Id IN {foreignSuppliers}"))
        {
            foreign.Add(GlobalId.Encode("Supplier", id));
        }

        foreign.UnionWith(await ColumnAsync(connection, $"SELECT Name FROM Suppliers WHERE Id <> {own} AND Id IN {foreignSuppliers}"));
        foreign.UnionWith(await ColumnAsync(connection, $"SELECT LegalName FROM Suppliers WHERE Id <> {own} AND Id IN {foreignSuppliers}"));
        foreign.UnionWith(await ColumnAsync(connection, "SELECT RegistrationNumber FROM Suppliers"));
        foreach (var id in await ColumnAsync(connection, $"SELECT Id FROM Contracts WHERE SupplierId <> {own} AND CategoryId IN {ownCategories}"))
        {
            foreign.Add(GlobalId.Encode("Contract", id));
        }

        foreign.UnionWith(await ColumnAsync(connection, $"SELECT Number FROM Contracts WHERE SupplierId <> {own} AND CategoryId IN {ownCategories}"));
        foreign.ExceptWith([data.OwnName]);
        data.NeverVisible = foreign;
        return data;
    }

    private static async Task<RatingFacts> RatingsAsync(SqliteConnection connection, string supplierId)
    {
        var averages = await RowAsync(connection, $"""
            SELECT COUNT(*), AVG(Overall), AVG(Quality), AVG(Delivery), AVG(Responsiveness), AVG(Innovation), AVG(CostValue), MAX(RatedOn)
            FROM StakeholderRatings WHERE SupplierId = {supplierId}
            """);

        // Each rating weighted by its business unit's value drivers (1 quality, 2 delivery, 3 responsiveness, 4 innovation, 5 cost).
        var weighted = await ScalarAsync(connection, $"""
            SELECT SUM(CAST(d.Weight AS REAL) * CASE d.Driver WHEN 1 THEN r.Quality WHEN 2 THEN r.Delivery WHEN 3 THEN r.Responsiveness
                                                             WHEN 4 THEN r.Innovation ELSE r.CostValue END) / COUNT(DISTINCT r.Id)
            FROM StakeholderRatings r JOIN ValueDrivers d ON d.BusinessUnitId = r.BusinessUnitId
            WHERE r.SupplierId = {supplierId}
            """);
        return new RatingFacts(
            int.Parse(averages[0]!, CultureInfo.InvariantCulture),
            Double(averages[1]), Double(averages[2]), Double(averages[3]), Double(averages[4]), Double(averages[5]), Double(averages[6]),
            Double(weighted),
            averages[7]);

        static double? Double(string? value) => value is null ? null : double.Parse(value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql) =>
        (await RowAsync(connection, sql))[0] ?? throw new InvalidOperationException($"No value: {sql}");

    private static async Task<string?[]> RowAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"No row: {sql}");
        }

        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))];
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}

/// <summary>A supplier's ratings summarised in SQL, as <c>RatingSummary</c> should report them.</summary>
public sealed record RatingFacts(
    int Count,
    double? AverageOverall,
    double? AverageQuality,
    double? AverageDelivery,
    double? AverageResponsiveness,
    double? AverageInnovation,
    double? AverageCostValue,
    double? AverageValueWeightedScore,
    string? LastRatedOn);
