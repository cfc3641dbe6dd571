namespace ProcurementGraph.Api.Data.Entities;

/// <summary>One value driver of a business unit, with its weight.</summary>
public class ValueDriver
{
    public int BusinessUnitId { get; set; }
    public ValueDriverKind Driver { get; set; }

    /// <summary>Share of the unit's judgement, in (0, 1]; a unit's weights sum to 1.</summary>
    public decimal Weight { get; set; }

    /// <summary>Zero-based order of the driver in the unit's list.</summary>
    public int Position { get; set; }

    public BusinessUnit BusinessUnit { get; set; } = null!;
}
