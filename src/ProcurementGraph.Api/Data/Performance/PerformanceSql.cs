namespace ProcurementGraph.Api.Data.Performance;

/// <summary>
/// The satisfaction-next-to-savings rollups (issue 16 item 3), in SQL for each provider: two rollup tables kept by triggers
/// in the writing statement's transaction, and two views the graph reads (<c>CategoryPerformance</c>,
/// <c>BusinessUnitPerformance</c>).
/// </summary>
/// <remarks>
/// <para><c>RatingQuarterTotals</c>: per category (0 for ratings without one) × business unit × quarter, the number of ratings and
/// the sum of each score. The value-weighted score is linear in the scores, so Σ over ratings of Σ<sub>d</sub> weight<sub>d</sub> ×
/// score<sub>d</sub> = Σ<sub>d</sub> weight<sub>d</sub> × (Σ over ratings of score<sub>d</sub>): the views weigh the sums by the
/// unit's current value drivers, exactly as <c>StakeholderRating.valueWeightedScore</c> does per rating, and follow a
/// <c>setValueDrivers</c> at once.</para>
/// <para><c>CategorySavingsSteps</c> and <c>BusinessUnitSavingsSteps</c>: a difference array per category (per owning unit) × quarter. An ACTIVE or EXPIRED contract adds its
/// count, savings and baseline (in cents, exact) at its start quarter and removes them at the quarter after its end quarter,
/// so the prefix sum up to a quarter is the total of the contracts in force in (part of) that quarter.</para>
/// <para>Quarters are numbered year × 4 + quarter − 1, from the rating's <c>period</c> (<c>YYYY-Qn</c>, validated on write) and
/// from the contract's dates.</para>
/// </remarks>
public static class PerformanceSql
{
    private static readonly string[] Scores = ["Quality", "Delivery", "Responsiveness", "Innovation", "CostValue", "Overall"];

    /// <summary>The two savings step tables: name, key column, and the contract column it is keyed by.</summary>
    private static readonly (string Table, string Key, string Source)[] Steps =
        [("CategorySavingsSteps", "CategoryId", "CategoryId"), ("BusinessUnitSavingsSteps", "BusinessUnitId", "OwnerId")];

    /// <summary>SQLite: tables, row triggers with UPSERT, backfill, views.</summary>
    public static IReadOnlyList<string> SqliteUp { get; } = BuildSqliteUp();

    /// <summary>SQL Server: tables, backfill, one statement trigger per table with MERGE (HOLDLOCK), views; each its own batch.</summary>
    public static IReadOnlyList<string> SqlServerStatements { get; } = BuildSqlServerUp();

    /// <summary>
    /// <see cref="SqlServerStatements"/> as the migration runs them: CREATE VIEW and CREATE TRIGGER through <c>EXEC</c>, since
    /// they must start a batch and EF Core's idempotent script puts every statement inside an <c>IF NOT EXISTS</c> block.
    /// </summary>
    public static IReadOnlyList<string> SqlServerUp { get; } =
        [.. SqlServerStatements.Select(sql => sql.StartsWith("CREATE VIEW", StringComparison.Ordinal) || sql.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)
            ? $"EXEC(N'{sql.Replace("'", "''", StringComparison.Ordinal)}');"
            : sql)];

    public static IReadOnlyList<string> SqliteDown { get; } =
    [
        "DROP VIEW \"BusinessUnitPerformance\";",
        "DROP VIEW \"CategoryPerformance\";",
        "DROP TRIGGER \"TR_Contracts_Rollup_Insert\";",
        "DROP TRIGGER \"TR_Contracts_Rollup_Update\";",
        "DROP TRIGGER \"TR_Contracts_Rollup_Delete\";",
        "DROP TRIGGER \"TR_StakeholderRatings_Rollup_Insert\";",
        "DROP TRIGGER \"TR_StakeholderRatings_Rollup_Update\";",
        "DROP TRIGGER \"TR_StakeholderRatings_Rollup_Delete\";",
        "DROP TABLE \"CategorySavingsSteps\";",
        "DROP TABLE \"BusinessUnitSavingsSteps\";",
        "DROP TABLE \"RatingQuarterTotals\";",
    ];

    public static IReadOnlyList<string> SqlServerDown { get; } =
    [
        "DROP VIEW [BusinessUnitPerformance];",
        "DROP VIEW [CategoryPerformance];",
        "DROP TRIGGER [TR_Contracts_Rollup];",
        "DROP TRIGGER [TR_StakeholderRatings_Rollup];",
        "DROP TABLE [CategorySavingsSteps];",
        "DROP TABLE [BusinessUnitSavingsSteps];",
        "DROP TABLE [RatingQuarterTotals];",
    ];

    /// <summary>The trigger names, declared to EF Core on SQL Server (<c>HasTrigger</c>: no bare <c>OUTPUT</c> on those tables).</summary>
    public const string SqlServerRatingTrigger = "TR_StakeholderRatings_Rollup";

    public const string SqlServerContractTrigger = "TR_Contracts_Rollup";

    private static string Columns(string format) => string.Join(", ", Scores.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, s)));

    // ---------------------------------------------------------------- SQLite

    private static string SqliteRatingQuarter(string row) =>
        $"CAST(substr({row}.\"Period\", 1, 4) AS INTEGER) * 4 + CAST(substr({row}.\"Period\", 7, 1) AS INTEGER) - 1";

    private static string SqliteDateQuarter(string column) =>
        $"(CAST(substr({column}, 1, 4) AS INTEGER) * 4 + (CAST(substr({column}, 6, 2) AS INTEGER) - 1) / 3)";

    private static string SqliteSavingsCents(string row) =>
        $"({SqliteBaselineCents(row)} - {SqliteCents.Of($"{row}.\"AnnualValue\"")})";

    private static string SqliteBaselineCents(string row) => SqliteCents.Of($"{row}.\"BaselineAnnualCost\"");

    private static string SqliteAddRating() =>
        "INSERT INTO \"RatingQuarterTotals\" (\"CategoryId\", \"BusinessUnitId\", \"Quarter\", \"RatingCount\", " + Columns("\"{0}Sum\"") + ") "
        + $"VALUES (COALESCE(NEW.\"CategoryId\", 0), NEW.\"BusinessUnitId\", {SqliteRatingQuarter("NEW")}, 1, " + Columns("NEW.\"{0}\"") + ") "
        + "ON CONFLICT (\"CategoryId\", \"BusinessUnitId\", \"Quarter\") DO UPDATE SET \"RatingCount\" = \"RatingCount\" + 1, "
        + Columns("\"{0}Sum\" = \"{0}Sum\" + excluded.\"{0}Sum\"") + ";";

    private static string SqliteRemoveRating()
    {
        var key = $"\"CategoryId\" = COALESCE(OLD.\"CategoryId\", 0) AND \"BusinessUnitId\" = OLD.\"BusinessUnitId\" AND \"Quarter\" = {SqliteRatingQuarter("OLD")}";
        return "UPDATE \"RatingQuarterTotals\" SET \"RatingCount\" = \"RatingCount\" - 1, " + Columns("\"{0}Sum\" = \"{0}Sum\" - OLD.\"{0}\"")
            + $" WHERE {key}; DELETE FROM \"RatingQuarterTotals\" WHERE {key} AND \"RatingCount\" = 0;";
    }

    private static string SqliteContractStep((string Table, string Key, string Source) steps, string row, string sign, bool atStart)
    {
        var quarter = atStart ? SqliteDateQuarter($"{row}.\"StartDate\"") : SqliteDateQuarter($"{row}.\"EndDate\"") + " + 1";
        var s = atStart ? sign : (sign == "+" ? "-" : "+");
        return $"INSERT INTO \"{steps.Table}\" (\"{steps.Key}\", \"Quarter\", \"ContractCount\", \"SavingsCents\", \"BaselineCents\") "
            + $"SELECT {row}.\"{steps.Source}\", {quarter}, {s}1, {s}{SqliteSavingsCents(row)}, {s}{SqliteBaselineCents(row)} "
            + $"WHERE {row}.\"Status\" IN (2, 3) "
            + $"ON CONFLICT (\"{steps.Key}\", \"Quarter\") DO UPDATE SET \"ContractCount\" = \"ContractCount\" + excluded.\"ContractCount\", "
            + "\"SavingsCents\" = \"SavingsCents\" + excluded.\"SavingsCents\", \"BaselineCents\" = \"BaselineCents\" + excluded.\"BaselineCents\";";
    }

    private static string SqliteContractCleanup((string Table, string Key, string Source) steps, string row) =>
        $"DELETE FROM \"{steps.Table}\" WHERE \"{steps.Key}\" = {row}.\"{steps.Source}\" "
        + $"AND \"Quarter\" IN ({SqliteDateQuarter($"{row}.\"StartDate\"")}, {SqliteDateQuarter($"{row}.\"EndDate\"")} + 1) "
        + "AND \"ContractCount\" = 0 AND \"SavingsCents\" = 0 AND \"BaselineCents\" = 0;";

    private static string SqliteAddContract() => string.Join(" ", Steps.Select(steps =>
        SqliteContractStep(steps, "NEW", "+", atStart: true) + " " + SqliteContractStep(steps, "NEW", "+", atStart: false)));

    private static string SqliteRemoveContract() => string.Join(" ", Steps.Select(steps =>
        SqliteContractStep(steps, "OLD", "-", atStart: true) + " " + SqliteContractStep(steps, "OLD", "-", atStart: false) + " "
        + SqliteContractCleanup(steps, "OLD")));

    private static List<string> BuildSqliteUp()
    {
        var scoreColumns = Columns("\"{0}Sum\" INTEGER NOT NULL");
        var ratingQuarter = SqliteRatingQuarter("r");
        var start = SqliteDateQuarter("c.\"StartDate\"");
        var end = SqliteDateQuarter("c.\"EndDate\"");
        return
        [
            "CREATE TABLE \"RatingQuarterTotals\" (\"CategoryId\" INTEGER NOT NULL, \"BusinessUnitId\" INTEGER NOT NULL, \"Quarter\" INTEGER NOT NULL, "
                + $"\"RatingCount\" INTEGER NOT NULL, {scoreColumns}, "
                + "CONSTRAINT \"PK_RatingQuarterTotals\" PRIMARY KEY (\"CategoryId\", \"BusinessUnitId\", \"Quarter\")) WITHOUT ROWID;",
            "CREATE INDEX \"IX_RatingQuarterTotals_BusinessUnitId_Quarter\" ON \"RatingQuarterTotals\" (\"BusinessUnitId\", \"Quarter\");",
            "INSERT INTO \"RatingQuarterTotals\" (\"CategoryId\", \"BusinessUnitId\", \"Quarter\", \"RatingCount\", " + Columns("\"{0}Sum\"") + ") "
                + $"SELECT COALESCE(r.\"CategoryId\", 0), r.\"BusinessUnitId\", {ratingQuarter}, COUNT(*), " + Columns("SUM(r.\"{0}\")")
                + $" FROM \"StakeholderRatings\" AS r GROUP BY COALESCE(r.\"CategoryId\", 0), r.\"BusinessUnitId\", {ratingQuarter};",
            .. Steps.SelectMany(steps => new[]
            {
                $"CREATE TABLE \"{steps.Table}\" (\"{steps.Key}\" INTEGER NOT NULL, \"Quarter\" INTEGER NOT NULL, "
                    + "\"ContractCount\" INTEGER NOT NULL, \"SavingsCents\" INTEGER NOT NULL, \"BaselineCents\" INTEGER NOT NULL, "
                    + $"CONSTRAINT \"PK_{steps.Table}\" PRIMARY KEY (\"{steps.Key}\", \"Quarter\")) WITHOUT ROWID;",
                $"INSERT INTO \"{steps.Table}\" (\"{steps.Key}\", \"Quarter\", \"ContractCount\", \"SavingsCents\", \"BaselineCents\") "
                    + "SELECT \"Key\", \"Quarter\", SUM(\"N\"), SUM(\"S\"), SUM(\"B\") FROM ("
                    + $"SELECT c.\"{steps.Source}\" AS \"Key\", {start} AS \"Quarter\", 1 AS \"N\", {SqliteSavingsCents("c")} AS \"S\", {SqliteBaselineCents("c")} AS \"B\" "
                    + "FROM \"Contracts\" AS c WHERE c.\"Status\" IN (2, 3) UNION ALL "
                    + $"SELECT c.\"{steps.Source}\", {end} + 1, -1, -{SqliteSavingsCents("c")}, -{SqliteBaselineCents("c")} "
                    + "FROM \"Contracts\" AS c WHERE c.\"Status\" IN (2, 3)) "
                    + "GROUP BY \"Key\", \"Quarter\" HAVING SUM(\"N\") <> 0 OR SUM(\"S\") <> 0 OR SUM(\"B\") <> 0;",
            }),
            $"CREATE TRIGGER \"TR_StakeholderRatings_Rollup_Insert\" AFTER INSERT ON \"StakeholderRatings\" BEGIN {SqliteAddRating()} END;",
            "CREATE TRIGGER \"TR_StakeholderRatings_Rollup_Update\" AFTER UPDATE OF \"CategoryId\", \"BusinessUnitId\", \"Period\", "
                + Columns("\"{0}\"") + $" ON \"StakeholderRatings\" BEGIN {SqliteRemoveRating()} {SqliteAddRating()} END;",
            $"CREATE TRIGGER \"TR_StakeholderRatings_Rollup_Delete\" AFTER DELETE ON \"StakeholderRatings\" BEGIN {SqliteRemoveRating()} END;",
            $"CREATE TRIGGER \"TR_Contracts_Rollup_Insert\" AFTER INSERT ON \"Contracts\" BEGIN {SqliteAddContract()} END;",
            "CREATE TRIGGER \"TR_Contracts_Rollup_Update\" AFTER UPDATE OF \"CategoryId\", \"OwnerId\", \"Status\", \"StartDate\", \"EndDate\", "
                + $"\"AnnualValue\", \"BaselineAnnualCost\" ON \"Contracts\" BEGIN {SqliteRemoveContract()} {SqliteAddContract()} END;",
            $"CREATE TRIGGER \"TR_Contracts_Rollup_Delete\" AFTER DELETE ON \"Contracts\" BEGIN {SqliteRemoveContract()} END;",
            SqliteView("CategoryPerformance", "CategoryId", "CategorySavingsSteps", "t.\"CategoryId\" <> 0"),
            SqliteView("BusinessUnitPerformance", "BusinessUnitId", "BusinessUnitSavingsSteps", "1 = 1"),
        ];
    }

    private static string SqliteView(string name, string dimension, string stepsTable, string cellFilter) =>
        View(name, dimension, stepsTable, cellFilter, q => "\"" + q + "\"", "REAL",
            "CAST(r.\"Quarter\" / 4 AS TEXT) || '-Q' || CAST(r.\"Quarter\" % 4 + 1 AS TEXT)", "r.\"Dimension\" * 100000 + r.\"Quarter\"");

    /// <summary>
    /// One query for both providers (identifiers quoted by <paramref name="q"/>): the cells weighed by their unit's drivers, the
    /// savings steps, both summed per dimension and quarter; then in quarter order per dimension the running sums of the steps
    /// (the contracts in force) and the previous quarter's score (<c>LAG</c>, only when it is the quarter just before and has
    /// ratings). Rows: the quarters with ratings.
    /// </summary>
    private static string View(string name, string dimension, string stepsTable, string cellFilter, Func<string, string> q, string real, string period, string id)
    {
        const string Window = "OVER (PARTITION BY {0} ORDER BY {1} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
        const string Lag = "OVER (PARTITION BY {0} ORDER BY {1})";
        var running = string.Format(System.Globalization.CultureInfo.InvariantCulture, Window, q("Dimension"), q("Quarter"));
        var lag = string.Format(System.Globalization.CultureInfo.InvariantCulture, Lag, q("Dimension"), q("Quarter"));
        string Weight(int driver, string alias) =>
            $"SUM(CASE d.{q("Driver")} WHEN {driver} THEN CAST(d.{q("Weight")} AS {real}) ELSE 0.0 END) AS {q(alias)}";
        return $"CREATE VIEW {q(name)} AS WITH "
            + $"{q("Weights")} AS (SELECT d.{q("BusinessUnitId")}, {Weight(1, "Q")}, {Weight(2, "D")}, {Weight(3, "R")}, {Weight(4, "I")}, {Weight(5, "C")} "
            + $"FROM {q("ValueDrivers")} AS d GROUP BY d.{q("BusinessUnitId")}), "
            + $"{q("Cells")} AS (SELECT t.{q(dimension)} AS {q("Dimension")}, t.{q("Quarter")}, t.{q("RatingCount")}, "
            + $"COALESCE(w.{q("Q")} * t.{q("QualitySum")} + w.{q("D")} * t.{q("DeliverySum")} + w.{q("R")} * t.{q("ResponsivenessSum")} "
            + $"+ w.{q("I")} * t.{q("InnovationSum")} + w.{q("C")} * t.{q("CostValueSum")}, 0.0) AS {q("Weighted")} "
            + $"FROM {q("RatingQuarterTotals")} AS t LEFT JOIN {q("Weights")} AS w ON w.{q("BusinessUnitId")} = t.{q("BusinessUnitId")} WHERE {cellFilter}), "
            + $"{q("Quarters")} AS (SELECT u.{q("Dimension")}, u.{q("Quarter")}, SUM(u.{q("RatingCount")}) AS {q("RatingCount")}, SUM(u.{q("Weighted")}) AS {q("Weighted")}, "
            + $"SUM(u.{q("N")}) AS {q("N")}, SUM(u.{q("S")}) AS {q("S")}, SUM(u.{q("B")}) AS {q("B")} FROM ("
            + $"SELECT c.{q("Dimension")}, c.{q("Quarter")}, c.{q("RatingCount")}, c.{q("Weighted")}, 0 AS {q("N")}, CAST(0 AS {(real == "REAL" ? "INTEGER" : "bigint")}) AS {q("S")}, "
            + $"CAST(0 AS {(real == "REAL" ? "INTEGER" : "bigint")}) AS {q("B")} FROM {q("Cells")} AS c UNION ALL "
            + $"SELECT s.{q(dimension)}, s.{q("Quarter")}, 0, 0.0, s.{q("ContractCount")}, s.{q("SavingsCents")}, s.{q("BaselineCents")} "
            + $"FROM {q(stepsTable)} AS s) AS u GROUP BY u.{q("Dimension")}, u.{q("Quarter")}), "
            + $"{q("Running")} AS (SELECT {q("Dimension")}, {q("Quarter")}, {q("RatingCount")}, "
            + $"CASE WHEN {q("RatingCount")} > 0 THEN {q("Weighted")} / {q("RatingCount")} END AS {q("Score")}, "
            + $"CASE WHEN LAG({q("Quarter")}) {lag} = {q("Quarter")} - 1 AND LAG({q("RatingCount")}) {lag} > 0 "
            + $"THEN LAG({q("Weighted")}) {lag} / LAG({q("RatingCount")}) {lag} END AS {q("PreviousScore")}, "
            + $"SUM({q("N")}) {running} AS {q("N")}, SUM({q("S")}) {running} AS {q("S")}, SUM({q("B")}) {running} AS {q("B")} FROM {q("Quarters")}) "
            + $"SELECT {id} AS {q("Id")}, r.{q("Dimension")} AS {q(dimension)}, r.{q("Quarter")}, {period} AS {q("Period")}, "
            + $"r.{q("RatingCount")}, r.{q("Score")} AS {q("ValueWeightedScore")}, r.{q("PreviousScore")} AS {q("PreviousValueWeightedScore")}, "
            + $"r.{q("Score")} - r.{q("PreviousScore")} AS {q("ScoreTrend")}, r.{q("N")} AS {q("ContractCount")}, "
            + $"r.{q("S")} AS {q("SavingsCents")}, r.{q("B")} AS {q("BaselineCents")}, "
            + $"CASE WHEN r.{q("B")} = 0 THEN NULL ELSE CAST(r.{q("S")} AS {real}) / r.{q("B")} END AS {q("SavingsPercent")}, "
            + $"CASE WHEN r.{q("B")} = 0 THEN NULL WHEN r.{q("S")} <= 0 THEN 0.0 "
            + $"ELSE CAST(r.{q("S")} AS {real}) / r.{q("B")} * (5.0 - r.{q("Score")}) / 4.0 END AS {q("ValueGap")} "
            + $"FROM {q("Running")} AS r WHERE r.{q("RatingCount")} > 0;";
    }

    // ---------------------------------------------------------------- SQL Server

    private static string SqlServerRatingRows(string table, string sign) =>
        "SELECT COALESCE([CategoryId], 0) AS [CategoryId], [BusinessUnitId], "
        + "CAST(LEFT([Period], 4) AS int) * 4 + CAST(SUBSTRING([Period], 7, 1) AS int) - 1 AS [Quarter], "
        + $"{sign}1 AS [N], " + Columns(sign + "[{0}] AS [{0}]") + $" FROM {table}";

    private static string SqlServerDateQuarter(string column) => $"(DATEPART(year, {column}) * 4 + (DATEPART(month, {column}) - 1) / 3)";

    private static string SqlServerContractRows(string table, string sign, string source)
    {
        var other = sign == "+" ? "-" : "+";
        const string savings = "CAST(([BaselineAnnualCost] - [AnnualValue]) * 100 AS bigint)";
        const string baseline = "CAST([BaselineAnnualCost] * 100 AS bigint)";
        return $"SELECT [{source}] AS [Key], {SqlServerDateQuarter("[StartDate]")} AS [Quarter], {sign}1 AS [N], {sign}{savings} AS [S], {sign}{baseline} AS [B] "
            + $"FROM {table} WHERE [Status] IN (2, 3) UNION ALL "
            + $"SELECT [{source}], {SqlServerDateQuarter("[EndDate]")} + 1, {other}1, {other}{savings}, {other}{baseline} "
            + $"FROM {table} WHERE [Status] IN (2, 3)";
    }

    private static string SqlServerMergeSteps((string Table, string Key, string Source) steps) =>
        $"MERGE [{steps.Table}] WITH (HOLDLOCK) AS t USING ("
        + "SELECT [Key], [Quarter], SUM([N]) AS [N], SUM([S]) AS [S], SUM([B]) AS [B] FROM ("
        + SqlServerContractRows("inserted", "+", steps.Source) + " UNION ALL " + SqlServerContractRows("deleted", "-", steps.Source)
        + ") AS c GROUP BY [Key], [Quarter]) AS s "
        + $"ON t.[{steps.Key}] = s.[Key] AND t.[Quarter] = s.[Quarter] "
        + "WHEN MATCHED AND t.[ContractCount] + s.[N] = 0 AND t.[SavingsCents] + s.[S] = 0 AND t.[BaselineCents] + s.[B] = 0 THEN DELETE "
        + "WHEN MATCHED THEN UPDATE SET t.[ContractCount] = t.[ContractCount] + s.[N], t.[SavingsCents] = t.[SavingsCents] + s.[S], "
        + "t.[BaselineCents] = t.[BaselineCents] + s.[B] "
        + "WHEN NOT MATCHED BY TARGET AND (s.[N] <> 0 OR s.[S] <> 0 OR s.[B] <> 0) THEN "
        + $"INSERT ([{steps.Key}], [Quarter], [ContractCount], [SavingsCents], [BaselineCents]) "
        + "VALUES (s.[Key], s.[Quarter], s.[N], s.[S], s.[B]);";

    private static List<string> BuildSqlServerUp()
    {
        var sums = Columns("SUM([{0}]) AS [{0}]");
        return
        [
            "CREATE TABLE [RatingQuarterTotals] ([CategoryId] int NOT NULL, [BusinessUnitId] int NOT NULL, [Quarter] int NOT NULL, "
                + "[RatingCount] int NOT NULL, " + Columns("[{0}Sum] int NOT NULL")
                + ", CONSTRAINT [PK_RatingQuarterTotals] PRIMARY KEY ([CategoryId], [BusinessUnitId], [Quarter]));",
            "CREATE INDEX [IX_RatingQuarterTotals_BusinessUnitId_Quarter] ON [RatingQuarterTotals] ([BusinessUnitId], [Quarter]);",
            .. Steps.Select(steps => $"CREATE TABLE [{steps.Table}] ([{steps.Key}] int NOT NULL, [Quarter] int NOT NULL, "
                + "[ContractCount] int NOT NULL, [SavingsCents] bigint NOT NULL, [BaselineCents] bigint NOT NULL, "
                + $"CONSTRAINT [PK_{steps.Table}] PRIMARY KEY ([{steps.Key}], [Quarter]));"),
            "INSERT INTO [RatingQuarterTotals] ([CategoryId], [BusinessUnitId], [Quarter], [RatingCount], " + Columns("[{0}Sum]") + ") "
                + $"SELECT [CategoryId], [BusinessUnitId], [Quarter], SUM([N]), {Columns("SUM([{0}])")} "
                + $"FROM ({SqlServerRatingRows("[StakeholderRatings]", "+")}) AS r GROUP BY [CategoryId], [BusinessUnitId], [Quarter];",
            .. Steps.Select(steps => $"INSERT INTO [{steps.Table}] ([{steps.Key}], [Quarter], [ContractCount], [SavingsCents], [BaselineCents]) "
                + $"SELECT [Key], [Quarter], SUM([N]), SUM([S]), SUM([B]) FROM ({SqlServerContractRows("[Contracts]", "+", steps.Source)}) AS c "
                + "GROUP BY [Key], [Quarter] HAVING SUM([N]) <> 0 OR SUM([S]) <> 0 OR SUM([B]) <> 0;"),
            $"CREATE TRIGGER [{SqlServerRatingTrigger}] ON [StakeholderRatings] AFTER INSERT, UPDATE, DELETE AS BEGIN SET NOCOUNT ON; "
                + "MERGE [RatingQuarterTotals] WITH (HOLDLOCK) AS t USING ("
                + $"SELECT [CategoryId], [BusinessUnitId], [Quarter], SUM([N]) AS [N], {sums} FROM ("
                + SqlServerRatingRows("inserted", "+") + " UNION ALL " + SqlServerRatingRows("deleted", "-")
                + ") AS c GROUP BY [CategoryId], [BusinessUnitId], [Quarter]) AS s "
                + "ON t.[CategoryId] = s.[CategoryId] AND t.[BusinessUnitId] = s.[BusinessUnitId] AND t.[Quarter] = s.[Quarter] "
                + "WHEN MATCHED AND t.[RatingCount] + s.[N] = 0 THEN DELETE "
                + "WHEN MATCHED THEN UPDATE SET t.[RatingCount] = t.[RatingCount] + s.[N], " + Columns("t.[{0}Sum] = t.[{0}Sum] + s.[{0}]") + " "
                + "WHEN NOT MATCHED BY TARGET AND s.[N] <> 0 THEN INSERT ([CategoryId], [BusinessUnitId], [Quarter], [RatingCount], " + Columns("[{0}Sum]") + ") "
                + "VALUES (s.[CategoryId], s.[BusinessUnitId], s.[Quarter], s.[N], " + Columns("s.[{0}]") + "); END;",
            $"CREATE TRIGGER [{SqlServerContractTrigger}] ON [Contracts] AFTER INSERT, UPDATE, DELETE AS BEGIN SET NOCOUNT ON; "
                + string.Join(" ", Steps.Select(SqlServerMergeSteps)) + " END;",
            SqlServerView("CategoryPerformance", "CategoryId", "CategorySavingsSteps", "t.[CategoryId] <> 0"),
            SqlServerView("BusinessUnitPerformance", "BusinessUnitId", "BusinessUnitSavingsSteps", "1 = 1"),
        ];
    }

    private static string SqlServerView(string name, string dimension, string stepsTable, string cellFilter) =>
        View(name, dimension, stepsTable, cellFilter, q => "[" + q + "]", "float",
            "CAST(CONCAT(r.[Quarter] / 4, N'-Q', r.[Quarter] % 4 + 1) AS nvarchar(7))", "CAST(r.[Dimension] AS bigint) * 100000 + r.[Quarter]");
}
