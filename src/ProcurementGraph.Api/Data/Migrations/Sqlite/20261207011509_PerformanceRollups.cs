using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementGraph.Api.Data.Performance;

#nullable disable

namespace ProcurementGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerformanceRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rating and savings rollups, their triggers, the backfill from the existing rows and the two views.
            foreach (var statement in PerformanceSql.SqliteUp)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PerformanceSql.SqliteDown)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
