using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BusinessUnitVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Version",
                table: "BusinessUnits",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            // SQLite's application-managed version: the existing units get their own first one (see RowVersionValues).
            migrationBuilder.Sql("UPDATE \"BusinessUnits\" SET \"Version\" = randomblob(8) WHERE length(\"Version\") = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "BusinessUnits");
        }
    }
}
