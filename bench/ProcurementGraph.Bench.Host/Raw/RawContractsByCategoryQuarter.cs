using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// <c>contractsByCategoryQuarter</c>'s oracle: one hand-written SQLite statement over the base columns only (not the
/// product's derived cents and quarter columns nor its index): the quarter from the date text, money as exact whole cents
/// parsed from the decimal text (integer part × 100 + the first two decimals: no floating point), grouped by category and
/// quarter, 1,000 groups per page after a <c>[categoryId, quarter]</c> cursor. Sums are the exact cents as decimals,
/// averages the exact sum divided by the count (as the graph's <c>AVG</c> of whole cents is).
/// </summary>
internal static class RawContractsByCategoryQuarter
{
    private const int PageSize = 1000;

    private static readonly string Sql = """
        WITH c AS (
          SELECT CategoryId,
                 CAST(substr(StartDate, 1, 4) AS INTEGER) * 10 + (CAST(substr(StartDate, 6, 2) AS INTEGER) + 2) / 3 AS Quarter,
                 ANNUAL_CENTS AS Annual, BASELINE_CENTS AS Baseline
          FROM Contracts)
        SELECT c.CategoryId, c.Quarter, cat.Code, COUNT(*), SUM(c.Annual), SUM(c.Baseline - c.Annual)
        FROM c JOIN Categories AS cat ON cat.Id = c.CategoryId
        WHERE (c.CategoryId, c.Quarter) > ($afterCategory, $afterQuarter)
        GROUP BY c.CategoryId, c.Quarter, cat.Code
        ORDER BY c.CategoryId, c.Quarter
        LIMIT $limit
        """.Replace("ANNUAL_CENTS", Cents("AnnualValue"), StringComparison.Ordinal).Replace("BASELINE_CENTS", Cents("BaselineAnnualCost"), StringComparison.Ordinal);

    public static async Task<Results<JsonHttpResult<object>, BadRequest<string>>> HandleAsync(
        RawRequest request, [FromServices] ProcurementDbContext db, CancellationToken cancellationToken)
    {
        var (afterCategory, afterQuarter) = (-1, -1);
        if (request.After is { } after)
        {
            if (Cursor(after) is not { } position)
            {
                return TypedResults.BadRequest("invalid cursor");
            }

            (afterCategory, afterQuarter) = position;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var groups = new List<(int Category, int Quarter, object Node)>();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            Add(command, "$afterCategory", afterCategory);
            Add(command, "$afterQuarter", afterQuarter);
            Add(command, "$limit", PageSize + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (category, quarter, count) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(3));
                var (annual, savings) = (reader.GetInt64(4), reader.GetInt64(5));
                groups.Add((category, quarter, new
                {
                    key = new { category = new { code = reader.GetString(2) }, startQuarter = $"{quarter / 10:0000}-Q{quarter % 10}" },
                    count,
                    sum = new { annualValue = annual * 0.01m, annualSavings = savings * 0.01m },
                    avg = new { annualValue = (double)annual / count / 100.0, annualSavings = (double)savings / count / 100.0 },
                }));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        var shown = Math.Min(groups.Count, PageSize);
        var pageInfo = new
        {
            hasNextPage = groups.Count > PageSize,
            endCursor = shown == 0 ? null : Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { groups[shown - 1].Category, groups[shown - 1].Quarter })),
        };
        var nodes = groups.Take(shown).Select(g => g.Node);
        return TypedResults.Json<object>(new { data = new { contractsAggregate = new { nodes, pageInfo } } }, RawJson.Options);
    }

    /// <summary>Exact whole cents of a non-negative decimal written as text (<c>155600.0</c>, <c>169516.67</c>, <c>12</c>).</summary>
    private static string Cents(string column) =>
        $"(CASE WHEN instr({column}, '.') = 0 THEN CAST({column} AS INTEGER) * 100 "
        + $"ELSE CAST(substr({column}, 1, instr({column}, '.') - 1) AS INTEGER) * 100 "
        + $"+ CAST(substr(substr({column}, instr({column}, '.') + 1) || '00', 1, 2) AS INTEGER) END)";

    private static void Add(System.Data.Common.DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static (int Category, int Quarter)? Cursor(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 2 && root[0].TryGetInt32(out var category)
                && root[1].TryGetInt32(out var quarter)
                ? (category, quarter)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
