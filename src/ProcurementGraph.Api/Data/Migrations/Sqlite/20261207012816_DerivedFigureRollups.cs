using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementGraph.Api.Data.Rollups;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DerivedFigureRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CategoryRollups",
                columns: table => new
                {
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveContractValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SupplierCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryRollups", x => x.CategoryId);
                    table.ForeignKey(
                        name: "FK_CategoryRollups_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CategorySupplierReach",
                columns: table => new
                {
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Links = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategorySupplierReach", x => new { x.CategoryId, x.SupplierId });
                    table.ForeignKey(
                        name: "FK_CategorySupplierReach_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CategorySupplierReach_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierRollups",
                columns: table => new
                {
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveContractValueCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierRollups", x => x.SupplierId);
                    table.ForeignKey(
                        name: "FK_SupplierRollups_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CategorySupplierReach_SupplierId",
                table: "CategorySupplierReach",
                column: "SupplierId");

            // The triggers that keep the rollups with every write, then the backfill of an existing database.
            foreach (var sql in RollupSql.SqliteCreate().Concat(RollupSql.Rebuild(sqlServer: false)))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in RollupSql.SqliteDrop())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "CategoryRollups");

            migrationBuilder.DropTable(
                name: "CategorySupplierReach");

            migrationBuilder.DropTable(
                name: "SupplierRollups");
        }
    }
}
