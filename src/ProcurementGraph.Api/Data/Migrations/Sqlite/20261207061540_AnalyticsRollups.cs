using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementGraph.Api.Data.Rollups;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractQuarterTotals",
                columns: table => new
                {
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartQuarter = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualSavingsCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractQuarterTotals", x => new { x.CategoryId, x.StartQuarter });
                    table.ForeignKey(
                        name: "FK_ContractQuarterTotals_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RatingTotals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: true),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    BusinessUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    QualitySum = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliverySum = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsivenessSum = table.Column<int>(type: "INTEGER", nullable: false),
                    InnovationSum = table.Column<int>(type: "INTEGER", nullable: false),
                    CostValueSum = table.Column<int>(type: "INTEGER", nullable: false),
                    OverallSum = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingTotals", x => x.Id);
                    table.CheckConstraint("CK_RatingTotals_OneKey", "(SupplierId IS NULL AND CategoryId IS NOT NULL) OR (SupplierId IS NOT NULL AND CategoryId IS NULL)");
                    table.ForeignKey(
                        name: "FK_RatingTotals_BusinessUnits_BusinessUnitId",
                        column: x => x.BusinessUnitId,
                        principalTable: "BusinessUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RatingTotals_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RatingTotals_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RatingTotals_BusinessUnitId",
                table: "RatingTotals",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RatingTotals_CategoryId_BusinessUnitId",
                table: "RatingTotals",
                columns: new[] { "CategoryId", "BusinessUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingTotals_SupplierId_BusinessUnitId",
                table: "RatingTotals",
                columns: new[] { "SupplierId", "BusinessUnitId" },
                unique: true);

            // The triggers that keep the totals with every write, then the backfill of an existing database.
            foreach (var sql in AnalyticsRollupSql.SqliteCreate().Concat(AnalyticsRollupSql.Rebuild()))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AnalyticsRollupSql.SqliteDrop())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "ContractQuarterTotals");

            migrationBuilder.DropTable(
                name: "RatingTotals");
        }
    }
}
