namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The unit a goal's KPI is measured in.</summary>
[System.ComponentModel.Description("The unit a goal's KPI is measured in.")]
public enum KpiUnit
{
    Currency = 1,
    Percent = 2,
    Score = 3,
    Count = 4,
    Days = 5,
}
