using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>A strategic goal pursued through a category, seen from the category.</summary>
public sealed class CategoryGoalLinkGraphType : EntityGraphType<GoalCategory>
{
    public CategoryGoalLinkGraphType()
    {
        Name = "CategoryGoalLink";
        Description = "A strategic goal pursued through a category, with the share of the goal the category carries.";
        HasKey(l => (long)l.CategoryId * 2147483648L + l.GoalId);
        Reference("goal", l => l.Goal, "StrategicGoal", "The strategic goal.", nullable: false);
        Value("weight", l => l.Weight, "The share of the goal carried by this category, in (0, 1].");
    }
}
