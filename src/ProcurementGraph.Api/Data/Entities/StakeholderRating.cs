namespace ProcurementGraph.Api.Data.Entities;

/// <summary>A business unit's rating of a supplier, optionally in the context of a category and a contract.</summary>
public class StakeholderRating : IVersioned
{
    public int Id { get; set; }
    public int SupplierId { get; set; }
    public int BusinessUnitId { get; set; }
    public int? CategoryId { get; set; }
    public int? ContractId { get; set; }
    public required string RaterName { get; set; }
    public required string RaterEmail { get; set; }
    public DateOnly RatedOn { get; set; }

    /// <summary>Rating period, e.g. <c>2026-Q3</c>.</summary>
    public required string Period { get; set; }

    // Scores 1..5.
    public int Quality { get; set; }
    public int Delivery { get; set; }
    public int Responsiveness { get; set; }
    public int Innovation { get; set; }
    public int CostValue { get; set; }
    public int Overall { get; set; }

    /// <summary>Free text; internal only.</summary>
    public string? Comment { get; set; }

    public Supplier Supplier { get; set; } = null!;
    public BusinessUnit BusinessUnit { get; set; } = null!;
    public Category? Category { get; set; }
    public Contract? Contract { get; set; }

    public byte[] Version { get; set; } = [];
}
