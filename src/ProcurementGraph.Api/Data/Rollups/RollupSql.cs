using System.Globalization;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Rollups;

/// <summary>
/// The rollup tables behind the derived figures (<c>contractedSpend</c>, <c>contractCoverage</c>, <c>supplierCount</c>,
/// <c>activeContractValue</c>) and the database triggers that keep them: every INSERT, UPDATE and DELETE of a contract, a
/// supplier approval or a category's parent adjusts them inside the same statement, so inside the writer's transaction, whichever
/// code path writes (EF Core SaveChanges, set-based ExecuteUpdate/ExecuteDelete, raw SQL, the seeder) and without a statement of
/// its own. Adjustments are relative (<c>SET x = x + delta</c>) under the row's write lock, so concurrent writers never lose one.
/// <list type="bullet">
/// <item><c>CategoryRollups.ActiveContractValueCents</c>: ACTIVE annual value of the contracts filed directly in the category, in
/// integer cents (money has 2 decimals: exact, unlike a floating-point running sum); a subtree's figure adds its (at most 1 + n + n²)
/// rows at read time, so moving a category changes nothing here.</item>
/// <item><c>CategorySupplierReach</c>: (category, supplier, approvals in the category's subtree) for the category and each
/// ancestor of an approval; <c>CategoryRollups.SupplierCount</c> counts its pairs: +1 when a pair appears, −1 when it goes.
/// Moving a category moves its subtree's approvals from the old ancestors to the new ones.</item>
/// <item><c>SupplierRollups.ActiveContractValueCents</c>: a supplier's ACTIVE annual value, in cents.</item>
/// </list>
/// The tree has at most three levels (<see cref="Features.Categories.CategoryWrites.MaxLevel"/>), so a category's ancestors are its
/// parent and grandparent (SQLite allows no recursive CTE inside a trigger). <see cref="Rebuild"/> recomputes everything from the
/// base rows (the migration's backfill, the seeder's last step: SQL Server's bulk copy fires no triggers).
/// </summary>
public static class RollupSql
{
    private static readonly string Active = ((int)ContractStatus.Active).ToString(CultureInfo.InvariantCulture);

    /// <summary>The triggers' names, for <c>HasTrigger</c> (SQL Server: EF Core then reads generated values without a bare OUTPUT).</summary>
    public const string ContractsTrigger = "TR_Contracts_Rollups";
    public const string CategorySuppliersTrigger = "TR_CategorySuppliers_Rollups";
    public const string CategoriesTrigger = "TR_Categories_Rollups";

    /// <summary>Recomputes every rollup row from the base rows (both providers: only the cents expression differs).</summary>
    public static IReadOnlyList<string> Rebuild(bool sqlServer)
    {
        var cents = sqlServer ? "CAST(x.[AnnualValue] * 100 AS bigint)" : SqliteCents.Of("x.[AnnualValue]");
        return
        [
            "DELETE FROM [CategorySupplierReach];",
            "DELETE FROM [CategoryRollups];",
            "DELETE FROM [SupplierRollups];",
            $"""
            INSERT INTO [CategoryRollups] ([CategoryId], [ActiveContractValueCents], [SupplierCount])
            SELECT c.[Id], COALESCE((SELECT SUM({cents}) FROM [Contracts] AS x WHERE x.[CategoryId] = c.[Id] AND x.[Status] = {Active}), 0), 0
            FROM [Categories] AS c;
            """,
            """
            INSERT INTO [CategorySupplierReach] ([CategoryId], [SupplierId], [Links])
            SELECT a.[Id], l.[SupplierId], COUNT(*)
            FROM [CategorySuppliers] AS l
            JOIN [Categories] AS c ON c.[Id] = l.[CategoryId]
            LEFT JOIN [Categories] AS p ON p.[Id] = c.[ParentId]
            JOIN [Categories] AS a ON a.[Id] IN (c.[Id], c.[ParentId], p.[ParentId])
            GROUP BY a.[Id], l.[SupplierId];
            """,
            "UPDATE [CategoryRollups] SET [SupplierCount] = (SELECT COUNT(*) FROM [CategorySupplierReach] AS r WHERE r.[CategoryId] = [CategoryRollups].[CategoryId]);",
            $"""
            INSERT INTO [SupplierRollups] ([SupplierId], [ActiveContractValueCents])
            SELECT x.[SupplierId], SUM({cents}) FROM [Contracts] AS x WHERE x.[Status] = {Active} GROUP BY x.[SupplierId];
            """,
        ];
    }

    /// <summary>SQLite's row-level triggers (the tree's subtree and ancestors spelled out: no CTE inside a trigger).</summary>
    public static IReadOnlyList<string> SqliteCreate()
    {
        static string Cents(string row) => SqliteCents.Of($"{row}.\"AnnualValue\"");

        // A category's ancestors-or-self, and its strict ancestors, as IN lists over the current tree.
        static string SelfAndAncestors(string id) =>
            $"({id}, (SELECT \"ParentId\" FROM \"Categories\" WHERE \"Id\" = {id}), (SELECT p.\"ParentId\" FROM \"Categories\" AS c JOIN \"Categories\" AS p ON p.\"Id\" = c.\"ParentId\" WHERE c.\"Id\" = {id}))";
        static string ParentAndGrandparent(string parentId) =>
            $"({parentId}, (SELECT \"ParentId\" FROM \"Categories\" WHERE \"Id\" = {parentId}))";
        const string subtree = "(SELECT s.\"Id\" FROM \"Categories\" AS s WHERE s.\"Id\" = NEW.\"Id\" OR s.\"ParentId\" = NEW.\"Id\" OR s.\"ParentId\" IN (SELECT k.\"Id\" FROM \"Categories\" AS k WHERE k.\"ParentId\" = NEW.\"Id\"))";

        string AddContract(string row) => $"""
                INSERT INTO "CategoryRollups" ("CategoryId", "ActiveContractValueCents", "SupplierCount")
                SELECT {row}."CategoryId", {Cents(row)}, 0 WHERE {row}."Status" = {Active}
                ON CONFLICT ("CategoryId") DO UPDATE SET "ActiveContractValueCents" = "ActiveContractValueCents" + excluded."ActiveContractValueCents";
                INSERT INTO "SupplierRollups" ("SupplierId", "ActiveContractValueCents")
                SELECT {row}."SupplierId", {Cents(row)} WHERE {row}."Status" = {Active}
                ON CONFLICT ("SupplierId") DO UPDATE SET "ActiveContractValueCents" = "ActiveContractValueCents" + excluded."ActiveContractValueCents";
            """;
        string RemoveContract(string row) => $"""
                UPDATE "CategoryRollups" SET "ActiveContractValueCents" = "ActiveContractValueCents" - {Cents(row)}
                WHERE "CategoryId" = {row}."CategoryId" AND {row}."Status" = {Active};
                UPDATE "SupplierRollups" SET "ActiveContractValueCents" = "ActiveContractValueCents" - {Cents(row)}
                WHERE "SupplierId" = {row}."SupplierId" AND {row}."Status" = {Active};
            """;

        // Adds a set of (category, supplier, approvals) rows to the reach, counting the pairs that appear.
        static string AddReach(string rows) => $"""
                INSERT OR IGNORE INTO "CategoryRollups" ("CategoryId", "ActiveContractValueCents", "SupplierCount")
                SELECT DISTINCT n."CategoryId", 0, 0 FROM {rows} AS n;
                UPDATE "CategoryRollups" SET "SupplierCount" = "SupplierCount" + (
                    SELECT COUNT(*) FROM {rows} AS n
                    WHERE n."CategoryId" = "CategoryRollups"."CategoryId"
                      AND NOT EXISTS (SELECT 1 FROM "CategorySupplierReach" AS r WHERE r."CategoryId" = n."CategoryId" AND r."SupplierId" = n."SupplierId"))
                WHERE "CategoryId" IN (SELECT n."CategoryId" FROM {rows} AS n);
                INSERT INTO "CategorySupplierReach" ("CategoryId", "SupplierId", "Links")
                SELECT n."CategoryId", n."SupplierId", n."Links" FROM {rows} AS n WHERE true
                ON CONFLICT ("CategoryId", "SupplierId") DO UPDATE SET "Links" = "Links" + excluded."Links";
            """;

        // Removes a set of (category, supplier, approvals) rows from the reach, counting the pairs that go.
        static string RemoveReach(string rows) => $"""
                UPDATE "CategorySupplierReach" SET "Links" = "Links" - (
                    SELECT n."Links" FROM {rows} AS n WHERE n."CategoryId" = "CategorySupplierReach"."CategoryId" AND n."SupplierId" = "CategorySupplierReach"."SupplierId")
                WHERE EXISTS (SELECT 1 FROM {rows} AS n WHERE n."CategoryId" = "CategorySupplierReach"."CategoryId" AND n."SupplierId" = "CategorySupplierReach"."SupplierId");
                UPDATE "CategoryRollups" SET "SupplierCount" = "SupplierCount" - (
                    SELECT COUNT(*) FROM "CategorySupplierReach" AS r WHERE r."CategoryId" = "CategoryRollups"."CategoryId" AND r."Links" <= 0)
                WHERE "CategoryId" IN (SELECT r."CategoryId" FROM "CategorySupplierReach" AS r WHERE r."Links" <= 0);
                DELETE FROM "CategorySupplierReach" WHERE "Links" <= 0;
            """;

        string linkRows(string row) =>
            $"(SELECT a.\"Id\" AS \"CategoryId\", {row}.\"SupplierId\" AS \"SupplierId\", 1 AS \"Links\" FROM \"Categories\" AS a WHERE a.\"Id\" IN {SelfAndAncestors(row + ".\"CategoryId\"")})";
        string movedRows(string parent) =>
            $"(SELECT a.\"Id\" AS \"CategoryId\", l.\"SupplierId\" AS \"SupplierId\", COUNT(*) AS \"Links\" FROM \"Categories\" AS a JOIN \"CategorySuppliers\" AS l ON l.\"CategoryId\" IN {subtree} WHERE a.\"Id\" IN {ParentAndGrandparent(parent)} GROUP BY a.\"Id\", l.\"SupplierId\")";

        return
        [
            $"""
            CREATE TRIGGER "{ContractsTrigger}_Insert" AFTER INSERT ON "Contracts" WHEN NEW."Status" = {Active}
            BEGIN
            {AddContract("NEW")}
            END;
            """,
            $"""
            CREATE TRIGGER "{ContractsTrigger}_Delete" AFTER DELETE ON "Contracts" WHEN OLD."Status" = {Active}
            BEGIN
            {RemoveContract("OLD")}
            END;
            """,
            $"""
            CREATE TRIGGER "{ContractsTrigger}_Update" AFTER UPDATE OF "Status", "AnnualValue", "CategoryId", "SupplierId" ON "Contracts"
            WHEN OLD."Status" = {Active} OR NEW."Status" = {Active}
            BEGIN
            {RemoveContract("OLD")}
            {AddContract("NEW")}
            END;
            """,
            $"""
            CREATE TRIGGER "{CategorySuppliersTrigger}_Insert" AFTER INSERT ON "CategorySuppliers"
            BEGIN
            {AddReach(linkRows("NEW"))}
            END;
            """,
            $"""
            CREATE TRIGGER "{CategorySuppliersTrigger}_Delete" AFTER DELETE ON "CategorySuppliers"
            BEGIN
            {RemoveReach(linkRows("OLD"))}
            END;
            """,
            $"""
            CREATE TRIGGER "{CategorySuppliersTrigger}_Update" AFTER UPDATE OF "CategoryId", "SupplierId" ON "CategorySuppliers"
            BEGIN
            {RemoveReach(linkRows("OLD"))}
            {AddReach(linkRows("NEW"))}
            END;
            """,
            $"""
            CREATE TRIGGER "{CategoriesTrigger}_Move" AFTER UPDATE OF "ParentId" ON "Categories" WHEN OLD."ParentId" IS NOT NEW."ParentId"
            BEGIN
            {RemoveReach(movedRows("OLD.\"ParentId\""))}
            {AddReach(movedRows("NEW.\"ParentId\""))}
            END;
            """,
        ];
    }

    private static readonly string[] RowTriggerSuffixes = ["_Insert", "_Delete", "_Update"];

    public static IReadOnlyList<string> SqliteDrop() =>
    [
        .. RowTriggerSuffixes.Select(s => $"DROP TRIGGER IF EXISTS \"{ContractsTrigger}{s}\";"),
        .. RowTriggerSuffixes.Select(s => $"DROP TRIGGER IF EXISTS \"{CategorySuppliersTrigger}{s}\";"),
        $"DROP TRIGGER IF EXISTS \"{CategoriesTrigger}_Move\";",
    ];
    /// <summary>
    /// SQL Server's statement-level triggers (over <c>inserted</c>/<c>deleted</c>, any number of rows): deltas are grouped first,
    /// then applied with MERGE ... WITH (HOLDLOCK), so two writers adding a category's first row cannot both insert it.
    /// </summary>
    public static IReadOnlyList<string> SqlServerCreate()
    {
        // Applies @reach (CategoryId, SupplierId, Links delta) to the reach and the pair counts.
        const string applyReach = """
                INSERT INTO [CategoryRollups] ([CategoryId], [ActiveContractValueCents], [SupplierCount])
                SELECT DISTINCT n.[CategoryId], 0, 0 FROM @reach AS n
                WHERE NOT EXISTS (SELECT 1 FROM [CategoryRollups] AS r WITH (UPDLOCK, HOLDLOCK) WHERE r.[CategoryId] = n.[CategoryId]);
                DECLARE @pairs TABLE ([Action] nvarchar(10) NOT NULL, [CategoryId] int NOT NULL, [Links] int NOT NULL);
                MERGE [CategorySupplierReach] WITH (HOLDLOCK) AS r
                USING @reach AS n ON r.[CategoryId] = n.[CategoryId] AND r.[SupplierId] = n.[SupplierId]
                WHEN MATCHED THEN UPDATE SET [Links] = r.[Links] + n.[Links]
                WHEN NOT MATCHED BY TARGET THEN INSERT ([CategoryId], [SupplierId], [Links]) VALUES (n.[CategoryId], n.[SupplierId], n.[Links])
                OUTPUT $action, inserted.[CategoryId], inserted.[Links] INTO @pairs ([Action], [CategoryId], [Links]);
                UPDATE r SET [SupplierCount] = r.[SupplierCount] + p.[Delta]
                FROM [CategoryRollups] AS r
                JOIN (SELECT [CategoryId], SUM(CASE WHEN [Action] = N'INSERT' THEN 1 WHEN [Links] <= 0 THEN -1 ELSE 0 END) AS [Delta]
                      FROM @pairs GROUP BY [CategoryId]) AS p ON p.[CategoryId] = r.[CategoryId]
                WHERE p.[Delta] <> 0;
                DELETE r FROM [CategorySupplierReach] AS r
                JOIN @reach AS n ON n.[CategoryId] = r.[CategoryId] AND n.[SupplierId] = r.[SupplierId]
                WHERE r.[Links] <= 0;
            """;

        return
        [
            $"""
            CREATE TRIGGER [{ContractsTrigger}] ON [Contracts] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                DECLARE @delta TABLE ([CategoryId] int NOT NULL, [SupplierId] int NOT NULL, [Cents] bigint NOT NULL);
                INSERT INTO @delta ([CategoryId], [SupplierId], [Cents])
                SELECT [CategoryId], [SupplierId], CAST([AnnualValue] * 100 AS bigint) FROM inserted WHERE [Status] = {Active}
                UNION ALL
                SELECT [CategoryId], [SupplierId], -CAST([AnnualValue] * 100 AS bigint) FROM deleted WHERE [Status] = {Active};
                IF @@ROWCOUNT = 0 RETURN;
                MERGE [CategoryRollups] WITH (HOLDLOCK) AS r
                USING (SELECT [CategoryId], SUM([Cents]) AS [Cents] FROM @delta GROUP BY [CategoryId]) AS d ON r.[CategoryId] = d.[CategoryId]
                WHEN MATCHED THEN UPDATE SET [ActiveContractValueCents] = r.[ActiveContractValueCents] + d.[Cents]
                WHEN NOT MATCHED BY TARGET THEN INSERT ([CategoryId], [ActiveContractValueCents], [SupplierCount]) VALUES (d.[CategoryId], d.[Cents], 0);
                MERGE [SupplierRollups] WITH (HOLDLOCK) AS r
                USING (SELECT [SupplierId], SUM([Cents]) AS [Cents] FROM @delta GROUP BY [SupplierId]) AS d ON r.[SupplierId] = d.[SupplierId]
                WHEN MATCHED THEN UPDATE SET [ActiveContractValueCents] = r.[ActiveContractValueCents] + d.[Cents]
                WHEN NOT MATCHED BY TARGET THEN INSERT ([SupplierId], [ActiveContractValueCents]) VALUES (d.[SupplierId], d.[Cents]);
            END;
            """,
            $"""
            CREATE TRIGGER [{CategorySuppliersTrigger}] ON [CategorySuppliers] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                DECLARE @reach TABLE ([CategoryId] int NOT NULL, [SupplierId] int NOT NULL, [Links] int NOT NULL, PRIMARY KEY ([CategoryId], [SupplierId]));
                INSERT INTO @reach ([CategoryId], [SupplierId], [Links])
                SELECT a.[CategoryId], x.[SupplierId], SUM(x.[Links])
                FROM (SELECT [CategoryId], [SupplierId], 1 AS [Links] FROM inserted
                      UNION ALL SELECT [CategoryId], [SupplierId], -1 FROM deleted) AS x
                JOIN [Categories] AS c ON c.[Id] = x.[CategoryId]
                LEFT JOIN [Categories] AS p ON p.[Id] = c.[ParentId]
                CROSS APPLY (VALUES (c.[Id]), (c.[ParentId]), (p.[ParentId])) AS a ([CategoryId])
                WHERE a.[CategoryId] IS NOT NULL
                GROUP BY a.[CategoryId], x.[SupplierId]
                HAVING SUM(x.[Links]) <> 0;
                IF @@ROWCOUNT = 0 RETURN;
            {applyReach}
            END;
            """,
            $"""
            CREATE TRIGGER [{CategoriesTrigger}] ON [Categories] AFTER UPDATE AS
            BEGIN
                SET NOCOUNT ON;
                IF NOT UPDATE([ParentId]) RETURN;
                DECLARE @reach TABLE ([CategoryId] int NOT NULL, [SupplierId] int NOT NULL, [Links] int NOT NULL, PRIMARY KEY ([CategoryId], [SupplierId]));
                WITH [Moved] AS (
                    SELECT i.[Id], d.[ParentId] AS [OldParentId], i.[ParentId] AS [NewParentId]
                    FROM inserted AS i JOIN deleted AS d ON d.[Id] = i.[Id]
                    WHERE EXISTS (SELECT i.[ParentId] EXCEPT SELECT d.[ParentId])),
                [Approvals] AS (
                    SELECT m.[Id] AS [MovedId], l.[SupplierId], COUNT(*) AS [Links]
                    FROM [Moved] AS m
                    JOIN [Categories] AS s ON s.[Id] = m.[Id] OR s.[ParentId] = m.[Id]
                        OR s.[ParentId] IN (SELECT k.[Id] FROM [Categories] AS k WHERE k.[ParentId] = m.[Id])
                    JOIN [CategorySuppliers] AS l ON l.[CategoryId] = s.[Id]
                    GROUP BY m.[Id], l.[SupplierId]),
                [Shifts] AS (
                    SELECT a.[CategoryId], x.[SupplierId], x.[Links] * a.[Sign] AS [Links]
                    FROM [Approvals] AS x
                    JOIN [Moved] AS m ON m.[Id] = x.[MovedId]
                    LEFT JOIN [Categories] AS op ON op.[Id] = m.[OldParentId]
                    LEFT JOIN [Categories] AS np ON np.[Id] = m.[NewParentId]
                    CROSS APPLY (VALUES (m.[OldParentId], -1), (op.[ParentId], -1), (m.[NewParentId], 1), (np.[ParentId], 1)) AS a ([CategoryId], [Sign])
                    WHERE a.[CategoryId] IS NOT NULL)
                INSERT INTO @reach ([CategoryId], [SupplierId], [Links])
                SELECT [CategoryId], [SupplierId], SUM([Links]) FROM [Shifts] GROUP BY [CategoryId], [SupplierId] HAVING SUM([Links]) <> 0;
                IF @@ROWCOUNT = 0 RETURN;
            {applyReach}
            END;
            """,
        ];
    }

    /// <summary>A T-SQL batch as <c>EXEC(N'...')</c>: CREATE TRIGGER must begin its batch, also inside an idempotent script's IF.</summary>
    public static string Exec(string sql) => "EXEC(N'" + sql.Replace("'", "''", StringComparison.Ordinal) + "');";

    public static IReadOnlyList<string> SqlServerDrop() =>
    [
        $"DROP TRIGGER IF EXISTS [{ContractsTrigger}];",
        $"DROP TRIGGER IF EXISTS [{CategorySuppliersTrigger}];",
        $"DROP TRIGGER IF EXISTS [{CategoriesTrigger}];",
    ];
}
