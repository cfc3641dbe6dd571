namespace ProcurementGraph.Api.Data.Entities;

/// <summary>A spend category in the three-level category tree (e.g. IT → IT.SW → IT.SW.SAAS).</summary>
public class Category : IVersioned
{
    public int Id { get; set; }

    /// <summary>Dotted path, unique: <c>IT</c>, <c>IT.SW</c>, <c>IT.SW.SAAS</c>.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int? ParentId { get; set; }

    /// <summary>1 for a root category, 2 and 3 below it.</summary>
    public int Level { get; set; }
    public required string ManagerName { get; set; }
    public required string ManagerEmail { get; set; }
    public decimal AnnualSpend { get; set; }
    public CategoryStrategy Strategy { get; set; }

    public Category? Parent { get; set; }
    public ICollection<Category> Children { get; set; } = [];
    public ICollection<CategorySupplier> Suppliers { get; set; } = [];
    public ICollection<Contract> Contracts { get; set; } = [];
    public ICollection<GoalCategory> Goals { get; set; } = [];
    public ICollection<StakeholderRating> Ratings { get; set; } = [];

    /// <summary>The trigger-kept figures behind the derived fields: at most one row (none until a contract or approval concerns the category).</summary>
    public ICollection<CategoryRollup> Rollups { get; set; } = [];

    /// <summary>The trigger-kept rating totals per business unit of the ratings given in this category itself.</summary>
    public ICollection<RatingTotal> RatingTotals { get; set; } = [];

    /// <summary>The trigger-kept contract totals per start quarter of the contracts filed in this category.</summary>
    public ICollection<ContractQuarterTotal> QuarterTotals { get; set; } = [];

    public byte[] Version { get; set; } = [];
}
