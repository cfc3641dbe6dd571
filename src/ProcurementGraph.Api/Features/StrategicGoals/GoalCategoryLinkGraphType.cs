using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>A category a goal is pursued through, seen from the goal.</summary>
public sealed class GoalCategoryLinkGraphType : EntityGraphType<GoalCategory>
{
    public GoalCategoryLinkGraphType()
    {
        Name = "GoalCategoryLink";
        Description = "A category a strategic goal is pursued through, with the share of the goal it carries.";
        HasKey(l => (long)l.GoalId * 2147483648L + l.CategoryId);
        Reference("category", l => l.Category, "Category", "The category the goal is pursued through.", nullable: false);
        Value("weight", l => l.Weight, "The share of the goal carried by this category, in (0, 1].");
    }
}
