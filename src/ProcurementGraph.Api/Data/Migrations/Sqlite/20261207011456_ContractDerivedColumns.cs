using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractDerivedColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnnualSavingsCents",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(round(CAST(\"BaselineAnnualCost\" AS REAL) * 100) AS INTEGER) - CAST(round(CAST(\"AnnualValue\" AS REAL) * 100) AS INTEGER)",
                stored: false);

            migrationBuilder.AddColumn<long>(
                name: "AnnualValueCents",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(round(CAST(\"AnnualValue\" AS REAL) * 100) AS INTEGER)",
                stored: false);

            migrationBuilder.AddColumn<long>(
                name: "BaselineAnnualCostCents",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(round(CAST(\"BaselineAnnualCost\" AS REAL) * 100) AS INTEGER)",
                stored: false);

            migrationBuilder.AddColumn<int>(
                name: "StartQuarter",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(substr(\"StartDate\", 1, 4) AS INTEGER) * 10 + (CAST(substr(\"StartDate\", 6, 2) AS INTEGER) + 2) / 3",
                stored: false);

            migrationBuilder.AddColumn<long>(
                name: "TotalValueCents",
                table: "Contracts",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CAST(round(CAST(\"TotalValue\" AS REAL) * 100) AS INTEGER)",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_CategoryId_StartQuarter_AnnualValueCents_AnnualSavingsCents",
                table: "Contracts",
                columns: new[] { "CategoryId", "StartQuarter", "AnnualValueCents", "AnnualSavingsCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contracts_CategoryId_StartQuarter_AnnualValueCents_AnnualSavingsCents",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AnnualSavingsCents",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "AnnualValueCents",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "BaselineAnnualCostCents",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "StartQuarter",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "TotalValueCents",
                table: "Contracts");
        }
    }
}
