using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RowVersionValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite has no rowversion: the version is application-managed (8 random bytes, renewed on every write).
            // The rows that existed before RowVersion get their own first version (the column's empty default is never one);
            // a migration of its own because RowVersion rebuilds these tables after its last operation.
            foreach (var table in VersionedTables)
            {
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"Version\" = randomblob(8) WHERE length(\"Version\") = 0;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The versions stay valid versions; nothing to undo.
        }

        private static readonly string[] VersionedTables = ["Suppliers", "StrategicGoals", "StakeholderRatings", "Contracts", "Categories"];
    }
}
