namespace ProcurementGraph.Api.Data.Rollups;

/// <summary>
/// The analytics rollups (issue 16) and the triggers that keep them, like <see cref="RollupSql"/>: every INSERT, UPDATE and
/// DELETE of a contract or a rating adjusts them inside the same statement, so inside the writer's transaction and without a
/// statement of its own; adjustments are relative (<c>x = x + delta</c>) under the row's write lock.
/// <list type="bullet">
/// <item><c>ContractQuarterTotals</c>: per (category, start quarter) the contracts of every status: count, Σ annual value and
/// Σ annual savings in the same integer cents as the contract's derived columns (<c>AnnualValueCents</c>, <c>AnnualSavingsCents</c>),
/// so a sum over these rows is exactly the sum over the contracts. A row whose count reaches 0 is deleted.</item>
/// <item><c>RatingTotals</c>: per (supplier, business unit) and per (category, business unit) the ratings' count, the sum of
/// each score and the latest <c>RatedOn</c>. The latest day only grows on insert; when a rating that held it goes, it is
/// re-read from the unit's ratings of that supplier or category (an index seek, inside the trigger).</item>
/// </list>
/// <see cref="Rebuild"/> recomputes everything from the base rows (the migration's backfill, the seeder's last step).
/// </summary>
public static class AnalyticsRollupSql
{
    private static readonly string[] Scores = ["Quality", "Delivery", "Responsiveness", "Innovation", "CostValue", "Overall"];

    /// <summary>The two dimensions of <c>RatingTotals</c>: the key column, and the condition a rating must meet to have one.</summary>
    private static readonly (string Key, string Present)[] RatingKeys = [("SupplierId", "1 = 1"), ("CategoryId", "{0}.[CategoryId] IS NOT NULL")];

    public const string ContractsTrigger = "TR_Contracts_QuarterTotals";
    public const string RatingsTrigger = "TR_StakeholderRatings_Totals";

    private static string Columns(string format) => string.Join(", ", Scores.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, s)));

    /// <summary>Recomputes every row from the base rows (the same text on both providers).</summary>
    public static IReadOnlyList<string> Rebuild() =>
    [
        "DELETE FROM [ContractQuarterTotals];",
        "DELETE FROM [RatingTotals];",
        """
        INSERT INTO [ContractQuarterTotals] ([CategoryId], [StartQuarter], [ContractCount], [AnnualValueCents], [AnnualSavingsCents])
        SELECT [CategoryId], [StartQuarter], COUNT(*), SUM([AnnualValueCents]), SUM([AnnualSavingsCents]) FROM [Contracts] GROUP BY [CategoryId], [StartQuarter];
        """,
        .. RatingKeys.Select(k =>
            $"INSERT INTO [RatingTotals] ([{k.Key}], [BusinessUnitId], [RatingCount], {Columns("[{0}Sum]")}, [LastRatedOn]) "
            + $"SELECT r.[{k.Key}], r.[BusinessUnitId], COUNT(*), {Columns("SUM(r.[{0}])")}, MAX(r.[RatedOn]) FROM [StakeholderRatings] AS r "
            + $"WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, k.Present, "r")} GROUP BY r.[{k.Key}], r.[BusinessUnitId];"),
    ];

    // ---------------------------------------------------------------- SQLite

    private static string SqliteAddContract(string row) => $"""
            INSERT INTO "ContractQuarterTotals" ("CategoryId", "StartQuarter", "ContractCount", "AnnualValueCents", "AnnualSavingsCents")
            VALUES ({row}."CategoryId", {row}."StartQuarter", 1, {row}."AnnualValueCents", {row}."AnnualSavingsCents")
            ON CONFLICT ("CategoryId", "StartQuarter") DO UPDATE SET "ContractCount" = "ContractCount" + 1,
                "AnnualValueCents" = "AnnualValueCents" + excluded."AnnualValueCents", "AnnualSavingsCents" = "AnnualSavingsCents" + excluded."AnnualSavingsCents";
        """;

    private static string SqliteRemoveContract(string row) => $"""
            UPDATE "ContractQuarterTotals" SET "ContractCount" = "ContractCount" - 1,
                "AnnualValueCents" = "AnnualValueCents" - {row}."AnnualValueCents", "AnnualSavingsCents" = "AnnualSavingsCents" - {row}."AnnualSavingsCents"
            WHERE "CategoryId" = {row}."CategoryId" AND "StartQuarter" = {row}."StartQuarter";
            DELETE FROM "ContractQuarterTotals" WHERE "CategoryId" = {row}."CategoryId" AND "StartQuarter" = {row}."StartQuarter" AND "ContractCount" = 0;
        """;

    private static string SqliteAddRating(string key, string row) => $"""
            INSERT INTO "RatingTotals" ("{key}", "BusinessUnitId", "RatingCount", {Columns("\"{0}Sum\"")}, "LastRatedOn")
            SELECT {row}."{key}", {row}."BusinessUnitId", 1, {Columns(row + ".\"{0}\"")}, {row}."RatedOn" WHERE {row}."{key}" IS NOT NULL
            ON CONFLICT ("{key}", "BusinessUnitId") DO UPDATE SET "RatingCount" = "RatingCount" + 1, {Columns("\"{0}Sum\" = \"{0}Sum\" + excluded.\"{0}Sum\"")},
                "LastRatedOn" = max("LastRatedOn", excluded."LastRatedOn");
        """;

    private static string SqliteRemoveRating(string key, string row)
    {
        var where = $"\"{key}\" = {row}.\"{key}\" AND \"BusinessUnitId\" = {row}.\"BusinessUnitId\"";
        return $"""
                UPDATE "RatingTotals" SET "RatingCount" = "RatingCount" - 1, {Columns("\"{0}Sum\" = \"{0}Sum\" - " + row + ".\"{0}\"")} WHERE {where};
                DELETE FROM "RatingTotals" WHERE {where} AND "RatingCount" = 0;
                UPDATE "RatingTotals" SET "LastRatedOn" = (SELECT MAX(r."RatedOn") FROM "StakeholderRatings" AS r WHERE r."{key}" = {row}."{key}" AND r."BusinessUnitId" = {row}."BusinessUnitId")
                WHERE {where} AND "LastRatedOn" = {row}."RatedOn";
            """;
    }

    private static string SqliteRatings(Func<string, string, string> change, string row) => string.Concat(RatingKeys.Select(k => change(k.Key, row)));

    /// <summary>SQLite's row-level triggers.</summary>
    public static IReadOnlyList<string> SqliteCreate() =>
    [
        $"""
        CREATE TRIGGER "{ContractsTrigger}_Insert" AFTER INSERT ON "Contracts"
        BEGIN
        {SqliteAddContract("NEW")}
        END;
        """,
        $"""
        CREATE TRIGGER "{ContractsTrigger}_Delete" AFTER DELETE ON "Contracts"
        BEGIN
        {SqliteRemoveContract("OLD")}
        END;
        """,
        $"""
        CREATE TRIGGER "{ContractsTrigger}_Update" AFTER UPDATE OF "CategoryId", "StartDate", "AnnualValue", "BaselineAnnualCost" ON "Contracts"
        BEGIN
        {SqliteRemoveContract("OLD")}
        {SqliteAddContract("NEW")}
        END;
        """,
        $"""
        CREATE TRIGGER "{RatingsTrigger}_Insert" AFTER INSERT ON "StakeholderRatings"
        BEGIN
        {SqliteRatings(SqliteAddRating, "NEW")}
        END;
        """,
        $"""
        CREATE TRIGGER "{RatingsTrigger}_Delete" AFTER DELETE ON "StakeholderRatings"
        BEGIN
        {SqliteRatings(SqliteRemoveRating, "OLD")}
        END;
        """,
        $"""
        CREATE TRIGGER "{RatingsTrigger}_Update" AFTER UPDATE OF "SupplierId", "CategoryId", "BusinessUnitId", "RatedOn", {Columns("\"{0}\"")} ON "StakeholderRatings"
        BEGIN
        {SqliteRatings(SqliteRemoveRating, "OLD")}
        {SqliteRatings(SqliteAddRating, "NEW")}
        END;
        """,
    ];

    private static readonly string[] RowTriggerSuffixes = ["_Insert", "_Delete", "_Update"];

    public static IReadOnlyList<string> SqliteDrop() =>
    [
        .. RowTriggerSuffixes.Select(s => $"DROP TRIGGER IF EXISTS \"{ContractsTrigger}{s}\";"),
        .. RowTriggerSuffixes.Select(s => $"DROP TRIGGER IF EXISTS \"{RatingsTrigger}{s}\";"),
    ];

    // ---------------------------------------------------------------- SQL Server

    private static string SqlServerMergeRatings(string key) => $"""
            MERGE [RatingTotals] WITH (HOLDLOCK) AS t
            USING (SELECT [Key], [BusinessUnitId], SUM([N]) AS [N], {Columns("SUM([{0}]) AS [{0}]")}, MAX([RatedOn]) AS [RatedOn]
                   FROM @delta WHERE [Dimension] = N'{key}' GROUP BY [Key], [BusinessUnitId]) AS s
            ON t.[{key}] = s.[Key] AND t.[BusinessUnitId] = s.[BusinessUnitId]
            WHEN MATCHED AND t.[RatingCount] + s.[N] = 0 THEN DELETE
            WHEN MATCHED THEN UPDATE SET t.[RatingCount] = t.[RatingCount] + s.[N], {Columns("t.[{0}Sum] = t.[{0}Sum] + s.[{0}]")},
                t.[LastRatedOn] = CASE WHEN s.[RatedOn] > t.[LastRatedOn] THEN s.[RatedOn] ELSE t.[LastRatedOn] END
            WHEN NOT MATCHED BY TARGET AND s.[N] <> 0 THEN INSERT ([{key}], [BusinessUnitId], [RatingCount], {Columns("[{0}Sum]")}, [LastRatedOn])
                VALUES (s.[Key], s.[BusinessUnitId], s.[N], {Columns("s.[{0}]")}, s.[RatedOn]);
            UPDATE t SET [LastRatedOn] = (SELECT MAX(r.[RatedOn]) FROM [StakeholderRatings] AS r WHERE r.[{key}] = t.[{key}] AND r.[BusinessUnitId] = t.[BusinessUnitId])
            FROM [RatingTotals] AS t
            WHERE EXISTS (SELECT 1 FROM deleted AS d WHERE d.[{key}] = t.[{key}] AND d.[BusinessUnitId] = t.[BusinessUnitId] AND d.[RatedOn] = t.[LastRatedOn]);
        """;

    /// <summary>SQL Server's statement-level triggers (over <c>inserted</c>/<c>deleted</c>, any number of rows), MERGE ... WITH (HOLDLOCK).</summary>
    public static IReadOnlyList<string> SqlServerCreate()
    {
        var deltas = string.Join("\n        UNION ALL\n        ", RatingKeys.SelectMany(k => new[] { ("inserted", "", "[RatedOn]"), ("deleted", "-", "NULL") }.Select(side =>
            $"SELECT N'{k.Key}', [{k.Key}], [BusinessUnitId], {side.Item2}1, {Columns(side.Item2 + "[{0}]")}, {side.Item3} FROM {side.Item1} "
            + $"WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, k.Present, side.Item1)}")));
        return
        [
            $"""
            CREATE TRIGGER [{ContractsTrigger}] ON [Contracts] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                MERGE [ContractQuarterTotals] WITH (HOLDLOCK) AS t
                USING (SELECT [CategoryId], [StartQuarter], SUM([N]) AS [N], SUM([V]) AS [V], SUM([S]) AS [S] FROM (
                           SELECT [CategoryId], [StartQuarter], 1 AS [N], [AnnualValueCents] AS [V], [AnnualSavingsCents] AS [S] FROM inserted
                           UNION ALL
                           SELECT [CategoryId], [StartQuarter], -1, -[AnnualValueCents], -[AnnualSavingsCents] FROM deleted) AS c
                       GROUP BY [CategoryId], [StartQuarter]) AS s
                ON t.[CategoryId] = s.[CategoryId] AND t.[StartQuarter] = s.[StartQuarter]
                WHEN MATCHED AND t.[ContractCount] + s.[N] = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET t.[ContractCount] = t.[ContractCount] + s.[N], t.[AnnualValueCents] = t.[AnnualValueCents] + s.[V],
                    t.[AnnualSavingsCents] = t.[AnnualSavingsCents] + s.[S]
                WHEN NOT MATCHED BY TARGET AND s.[N] <> 0 THEN INSERT ([CategoryId], [StartQuarter], [ContractCount], [AnnualValueCents], [AnnualSavingsCents])
                    VALUES (s.[CategoryId], s.[StartQuarter], s.[N], s.[V], s.[S]);
            END;
            """,
            $"""
            CREATE TRIGGER [{RatingsTrigger}] ON [StakeholderRatings] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                DECLARE @delta TABLE ([Dimension] nvarchar(10) NOT NULL, [Key] int NOT NULL, [BusinessUnitId] int NOT NULL, [N] int NOT NULL,
                    {Columns("[{0}] int NOT NULL")}, [RatedOn] date NULL);
                INSERT INTO @delta ([Dimension], [Key], [BusinessUnitId], [N], {Columns("[{0}]")}, [RatedOn])
                {deltas};
                IF @@ROWCOUNT = 0 RETURN;
            {string.Concat(RatingKeys.Select(k => SqlServerMergeRatings(k.Key)))}
            END;
            """,
        ];
    }

    public static IReadOnlyList<string> SqlServerDrop() =>
    [
        $"DROP TRIGGER IF EXISTS [{ContractsTrigger}];",
        $"DROP TRIGGER IF EXISTS [{RatingsTrigger}];",
    ];
}
