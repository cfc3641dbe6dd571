using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>A reference business unit: who it is, which root categories it mostly buys and what it values.</summary>
/// <param name="Code">Unit code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Region">Region the unit sits in.</param>
/// <param name="BuysFrom">Root category codes the unit owns most of its contracts in.</param>
/// <param name="Drivers">Value drivers, most important first, with weights summing to 1.</param>
internal sealed record BusinessUnitTemplate(
    string Code,
    string Name,
    string Region,
    IReadOnlyList<string> BuysFrom,
    IReadOnlyList<(ValueDriverKind Driver, double Weight)> Drivers);
