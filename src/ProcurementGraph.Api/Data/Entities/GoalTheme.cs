namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The organisation-wide aim a strategic goal serves.</summary>
[System.ComponentModel.Description("The organisation-wide aim a strategic goal serves.")]
public enum GoalTheme
{
    CostReduction = 1,
    RiskMitigation = 2,
    Innovation = 3,
    Compliance = 4,
    Sustainability = 5,
    StakeholderValue = 6,
}
