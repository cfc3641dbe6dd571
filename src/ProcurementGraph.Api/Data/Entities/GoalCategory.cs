namespace ProcurementGraph.Api.Data.Entities;

/// <summary>A category a goal is pursued through, with the share of the goal it carries.</summary>
public class GoalCategory
{
    public int GoalId { get; set; }
    public int CategoryId { get; set; }

    /// <summary>Share of the goal carried by this category, in (0, 1].</summary>
    public decimal Weight { get; set; }

    public StrategicGoal Goal { get; set; } = null!;
    public Category Category { get; set; } = null!;
}
