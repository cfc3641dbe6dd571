namespace ProcurementGraph.Api.Data.Entities;

/// <summary>An organisation-wide, long-term procurement goal with one KPI.</summary>
public class StrategicGoal : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public GoalTheme Theme { get; set; }
    public required string OwnerName { get; set; }
    public required string OwnerEmail { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public GoalStatus Status { get; set; }
    public required string KpiName { get; set; }
    public KpiUnit KpiUnit { get; set; }
    public decimal Baseline { get; set; }
    public decimal Target { get; set; }
    public decimal Current { get; set; }

    public ICollection<GoalCategory> Categories { get; set; } = [];

    public byte[] Version { get; set; } = [];
}
