using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKeyNumber_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKeyNumber", "Id" });

            // Entries written before the column existed: a key of one whole number gets it (EXEC: an idempotent script
            // compiles its batch before the new column exists).
            migrationBuilder.Sql("EXEC(N'UPDATE [AuditEntries] SET [EntityKeyNumber] = TRY_CONVERT(int, [EntityKey]) WHERE [EntityKey] <> N'''' AND [EntityKey] NOT LIKE N''%[^0-9]%''');");
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
