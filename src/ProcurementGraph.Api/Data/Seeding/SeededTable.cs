namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>One table filled by the seeder.</summary>
/// <param name="Table">The table name, as in the database.</param>
/// <param name="Rows">Rows inserted.</param>
/// <param name="Elapsed">Time spent generating and inserting them.</param>
public sealed record SeededTable(string Table, long Rows, TimeSpan Elapsed);
