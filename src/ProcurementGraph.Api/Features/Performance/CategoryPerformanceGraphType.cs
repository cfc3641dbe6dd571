using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Features.Performance;

/// <summary>Satisfaction next to savings for one category in one quarter (the <c>CategoryPerformance</c> view).</summary>
public sealed class CategoryPerformanceGraphType : PerformanceGraphType<CategoryPerformance>
{
    public CategoryPerformanceGraphType()
    {
        Name = "CategoryPerformance";
        Description = "Satisfaction next to savings for one category in one quarter: the value-weighted score of the ratings given in the "
            + "category's context that quarter, its trend, and the savings of the category's contracts in force in the quarter. "
            + "One node per category and quarter with at least one rating; figures cover the category itself (ratings and contracts "
            + "are filed in leaf categories).";
        HasKey(p => p.Id);
        Reference("category", p => p.Category, "Category", "The category.", nullable: false);
        AddFigures();
    }
}
