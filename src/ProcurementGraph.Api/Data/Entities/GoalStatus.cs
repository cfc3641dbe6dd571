namespace ProcurementGraph.Api.Data.Entities;

/// <summary>Where a strategic goal stands.</summary>
[System.ComponentModel.Description("Where a strategic goal stands.")]
public enum GoalStatus
{
    Draft = 1,
    Active = 2,
    AtRisk = 3,
    Achieved = 4,
    Missed = 5,
    Retired = 6,
}
