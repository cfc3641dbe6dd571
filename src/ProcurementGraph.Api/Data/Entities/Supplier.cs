namespace ProcurementGraph.Api.Data.Entities;

/// <summary>A company the organisation buys from (or may buy from).</summary>
public class Supplier : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string LegalName { get; set; }

    /// <summary>Company registration number; sensitive (Admin only).</summary>
    public required string RegistrationNumber { get; set; }

    /// <summary>ISO 3166 alpha-2 country code.</summary>
    public required string Country { get; set; }
    public required string City { get; set; }
    public string? Website { get; set; }
    public required string PrimaryContactEmail { get; set; }
    public SupplierStatus Status { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public ComplianceStatus ComplianceStatus { get; set; }
    public DateOnly? LastAuditOn { get; set; }
    public bool IsDiverse { get; set; }
    public DateOnly? OnboardedOn { get; set; }
    public byte[] Version { get; set; } = [];

    public ICollection<CategorySupplier> Categories { get; set; } = [];
    public ICollection<Contract> Contracts { get; set; } = [];
    public ICollection<StakeholderRating> Ratings { get; set; } = [];

    /// <summary>The trigger-kept figure behind <c>activeContractValue</c>: at most one row (none until the supplier has an ACTIVE contract).</summary>
    public ICollection<SupplierRollup> Rollups { get; set; } = [];

    /// <summary>The trigger-kept rating totals per business unit of the supplier's ratings.</summary>
    public ICollection<RatingTotal> RatingTotals { get; set; } = [];
}
