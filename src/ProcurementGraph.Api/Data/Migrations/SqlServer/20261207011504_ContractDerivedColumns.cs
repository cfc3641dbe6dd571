using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.SqlServer
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
                type: "bigint",
                nullable: false,
                computedColumnSql: "CONVERT(bigint, ([BaselineAnnualCost] - [AnnualValue]) * 100)",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "AnnualValueCents",
                table: "Contracts",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CONVERT(bigint, [AnnualValue] * 100)",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "BaselineAnnualCostCents",
                table: "Contracts",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CONVERT(bigint, [BaselineAnnualCost] * 100)",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "StartQuarter",
                table: "Contracts",
                type: "int",
                nullable: false,
                computedColumnSql: "YEAR([StartDate]) * 10 + DATEPART(quarter, [StartDate])",
                stored: true);

            migrationBuilder.AddColumn<long>(
                name: "TotalValueCents",
                table: "Contracts",
                type: "bigint",
                nullable: false,
                computedColumnSql: "CONVERT(bigint, [TotalValue] * 100)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_CategoryId_StartQuarter_AnnualValueCents_AnnualSavingsCents",
                table: "Contracts",
                columns: new[] { "CategoryId", "StartQuarter", "AnnualValueCents", "AnnualSavingsCents" });

            // Ratings grouped by business unit and period (ratingsAggregate BUSINESS_UNIT x PERIOD) read this index alone; it
            // serves the business unit's foreign key too, so the single-column index goes.
            migrationBuilder.DropIndex(
                name: "IX_StakeholderRatings_BusinessUnitId",
                table: "StakeholderRatings");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderRatings_BusinessUnitId_Period_Quality_Delivery_Responsiveness_Innovation_CostValue_Overall",
                table: "StakeholderRatings",
                columns: new[] { "BusinessUnitId", "Period", "Quality", "Delivery", "Responsiveness", "Innovation", "CostValue", "Overall" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StakeholderRatings_BusinessUnitId_Period_Quality_Delivery_Responsiveness_Innovation_CostValue_Overall",
                table: "StakeholderRatings");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderRatings_BusinessUnitId",
                table: "StakeholderRatings",
                column: "BusinessUnitId");

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
