using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoveringSpendIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contracts_CategoryId",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_SupplierId",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_CategoryId_Status_AnnualValue",
                table: "Contracts",
                columns: new[] { "CategoryId", "Status", "AnnualValue" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_SupplierId_Status_AnnualValue",
                table: "Contracts",
                columns: new[] { "SupplierId", "Status", "AnnualValue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contracts_CategoryId_Status_AnnualValue",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_SupplierId_Status_AnnualValue",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_CategoryId",
                table: "Contracts",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_SupplierId",
                table: "Contracts",
                column: "SupplierId");
        }
    }
}
