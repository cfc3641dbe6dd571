using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>One node of the reference category tree the generator draws from.</summary>
/// <param name="Segment">The last segment of the dotted code (the full code is the parent's code + "." + segment).</param>
/// <param name="Name">Display name.</param>
/// <param name="Strategy">Kraljic quadrant.</param>
/// <param name="Description">Description; empty for leaves, whose description follows from the strategy.</param>
/// <param name="TypicalContractValue">Typical annual contract value in the category (roots only; children inherit it).</param>
/// <param name="SupplierWords">Words a supplier in this sub-category uses in its name (level 2 only).</param>
/// <param name="Children">Sub-categories.</param>
internal sealed record CategoryTemplate(
    string Segment,
    string Name,
    CategoryStrategy Strategy,
    string Description,
    decimal TypicalContractValue,
    IReadOnlyList<string> SupplierWords,
    IReadOnlyList<CategoryTemplate> Children);
