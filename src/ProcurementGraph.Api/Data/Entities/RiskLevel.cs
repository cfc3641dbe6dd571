namespace ProcurementGraph.Api.Data.Entities;

/// <summary>Assessed supply risk, from lowest to highest (stored as its ordinal, so sorting follows severity).</summary>
[System.ComponentModel.Description("Assessed supply risk, from lowest to highest (stored as its ordinal, so sorting follows severity).")]
public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
