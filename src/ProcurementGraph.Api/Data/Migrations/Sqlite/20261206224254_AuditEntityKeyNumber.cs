using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditEntityKeyNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EntityKeyNumber",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKeyNumber_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKeyNumber", "Id" });

            // Entries written before the column existed: a key of one whole number (at most 9 digits, within int) gets it.
            migrationBuilder.Sql(@"UPDATE ""AuditEntries"" SET ""EntityKeyNumber"" = CAST(""EntityKey"" AS INTEGER) WHERE ""EntityKey"" <> '' AND ""EntityKey"" NOT GLOB '*[^0-9]*' AND length(""EntityKey"") <= 9;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityKeyNumber_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "EntityKeyNumber",
                table: "AuditEntries");
        }
    }
}
