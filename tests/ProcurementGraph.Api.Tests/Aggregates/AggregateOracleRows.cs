using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>
/// Every contract, rating and supplier of a database read with plain SQL (not through EF Core or the API), with the
/// derived values computed here in decimal arithmetic: the oracle the aggregates are compared with.
/// </summary>
public sealed record AggregateOracleRows(List<ContractRow> Contracts, List<RatingRow> Ratings, List<SupplierRow> Suppliers)
{
    public static async Task<AggregateOracleRows> LoadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(TestDatabase.ConnectionString(databasePath) + ";Mode=ReadOnly");
        await connection.OpenAsync();
        var contracts = await ReadAsync(connection, """
            SELECT c.Id, c.SupplierId, c.CategoryId, c.OwnerId, c.Status, c.StartDate, c.EndDate, c.AutoRenew, c.NoticePeriodDays,
                   c.PaymentTermsDays, c.TotalValue, c.AnnualValue, c.BaselineAnnualCost, c.OriginalCurrency, s.Country, s.RiskLevel
            FROM Contracts c JOIN Suppliers s ON s.Id = c.SupplierId
            """, r => new ContractRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), Date(r, 5)!.Value, Date(r, 6)!.Value,
            r.GetBoolean(7), r.GetInt32(8), r.GetInt32(9), Money(r, 10), Money(r, 11), Money(r, 12), r.GetString(13), r.GetString(14), r.GetInt32(15)));
        var drivers = (await ReadAsync(connection, "SELECT BusinessUnitId, Driver, Weight FROM ValueDrivers",
                r => (Unit: r.GetInt32(0), Driver: r.GetInt32(1), Weight: Money(r, 2))))
            .ToLookup(d => d.Unit);
        var ratings = await ReadAsync(connection, """
            SELECT r.Id, r.SupplierId, r.BusinessUnitId, r.CategoryId, r.ContractId, r.Period, r.RatedOn,
                   r.Quality, r.Delivery, r.Responsiveness, r.Innovation, r.CostValue, r.Overall, s.Country
            FROM StakeholderRatings r JOIN Suppliers s ON s.Id = r.SupplierId
            """, r =>
            {
                int[] scores = [r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11)];
                var weighted = drivers[r.GetInt32(2)].Sum(d => d.Weight * scores[d.Driver - 1]);
                return new RatingRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), Int(r, 3), Int(r, 4), r.GetString(5), Date(r, 6)!.Value,
                    scores[0], scores[1], scores[2], scores[3], scores[4], r.GetInt32(12), r.GetString(13), (double)weighted);
            });
        var active = contracts.Where(c => c.Status == 2).ToLookup(c => c.SupplierId);
        var suppliers = await ReadAsync(connection,
            "SELECT Id, Country, Status, RiskLevel, ComplianceStatus, IsDiverse, OnboardedOn, LastAuditOn FROM Suppliers",
            r => new SupplierRow(r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetBoolean(5), Date(r, 6), Date(r, 7),
                active[r.GetInt32(0)].Sum(c => c.AnnualValue)));
        return new AggregateOracleRows(contracts, ratings, suppliers);
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>SQLite keeps EF Core's decimals as text: parsed exactly.</summary>
    private static decimal Money(SqliteDataReader reader, int column) => decimal.Parse(reader.GetString(column), CultureInfo.InvariantCulture);

    private static DateOnly? Date(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateOnly.ParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int? Int(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);
}

public sealed record ContractRow(
    int Id, int SupplierId, int CategoryId, int OwnerId, int Status, DateOnly StartDate, DateOnly EndDate, bool AutoRenew, int NoticePeriodDays,
    int PaymentTermsDays, decimal TotalValue, decimal AnnualValue, decimal BaselineAnnualCost, string OriginalCurrency, string SupplierCountry, int SupplierRiskLevel)
{
    public decimal AnnualSavings => BaselineAnnualCost - AnnualValue;

    public double? SavingsPercent => BaselineAnnualCost == 0 ? null : (double)(AnnualSavings / BaselineAnnualCost);
}

public sealed record RatingRow(
    int Id, int SupplierId, int BusinessUnitId, int? CategoryId, int? ContractId, string Period, DateOnly RatedOn,
    int Quality, int Delivery, int Responsiveness, int Innovation, int CostValue, int Overall, string SupplierCountry, double ValueWeightedScore);

public sealed record SupplierRow(
    int Id, string Country, int Status, int RiskLevel, int ComplianceStatus, bool IsDiverse, DateOnly? OnboardedOn, DateOnly? LastAuditOn, decimal ActiveContractValue);
