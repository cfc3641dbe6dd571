namespace ProcurementGraph.Api.Data.Entities;

/// <summary>An agreement with a supplier in a category, owned by the business unit that uses it.</summary>
public class Contract : IVersioned
{
    public int Id { get; set; }

    /// <summary>Unique contract number, e.g. <c>CT-004211</c>.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public int SupplierId { get; set; }
    public int CategoryId { get; set; }
    public int OwnerId { get; set; }
    public ContractStatus Status { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public DateOnly? SignedOn { get; set; }
    public bool AutoRenew { get; set; }
    public int NoticePeriodDays { get; set; }
    public int PaymentTermsDays { get; set; }

    /// <summary>Total value over the contract's term, in the reporting currency.</summary>
    public decimal TotalValue { get; set; }

    /// <summary>Value per year, in the reporting currency.</summary>
    public decimal AnnualValue { get; set; }

    /// <summary>What the same supply cost per year before this contract (negotiation data).</summary>
    public decimal BaselineAnnualCost { get; set; }

    /// <summary>ISO 4217 code of the currency the contract was signed in.</summary>
    public required string OriginalCurrency { get; set; }
    public decimal OriginalTotalValue { get; set; }
    public byte[] Version { get; set; } = [];

    // Derived columns the database computes (never written by the application, not read back after a save): the start
    // quarter (year * 10 + quarter, 20263) and the money figures in whole cents, so group-by aggregates read one covering
    // index with native integer sums (ContractConfiguration.ConfigureDerived; README "BI").
    public int StartQuarter { get; private set; }
    public long AnnualValueCents { get; private set; }
    public long AnnualSavingsCents { get; private set; }
    public long TotalValueCents { get; private set; }
    public long BaselineAnnualCostCents { get; private set; }

    public Supplier Supplier { get; set; } = null!;
    public Category Category { get; set; } = null!;
    public BusinessUnit Owner { get; set; } = null!;
    public ICollection<StakeholderRating> Ratings { get; set; } = [];
}
