namespace ProcurementGraph.Api.Data.Entities;

/// <summary>An internal customer of procurement: a unit that buys through it and rates its suppliers.</summary>
public class BusinessUnit : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public required string HeadName { get; set; }

    /// <summary>What the unit values, ordered by <see cref="ValueDriver.Position"/>; weights sum to 1.</summary>
    public ICollection<ValueDriver> ValueDrivers { get; set; } = [];
    public ICollection<Contract> Contracts { get; set; } = [];
    public ICollection<StakeholderRating> Ratings { get; set; } = [];

    /// <summary>Renewed by every change of the unit, its value drivers included (they are replaced as a whole, with the unit's version).</summary>
    public byte[] Version { get; set; } = [];
}
