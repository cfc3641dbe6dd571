using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>A reference strategic goal with its KPI.</summary>
/// <param name="Theme">The theme the goal serves.</param>
/// <param name="Title">Goal title.</param>
/// <param name="Description">What the goal is about.</param>
/// <param name="KpiName">KPI name.</param>
/// <param name="KpiUnit">KPI unit.</param>
/// <param name="Baseline">KPI at the start.</param>
/// <param name="Target">KPI to reach (may be below the baseline).</param>
/// <param name="Current">KPI now.</param>
/// <param name="Status">Goal status.</param>
/// <param name="StartYearOffset">Period start year relative to the reference year.</param>
/// <param name="Years">Length of the period in years.</param>
/// <param name="Roots">Root category codes the goal is pursued through.</param>
internal sealed record GoalTemplate(
    GoalTheme Theme,
    string Title,
    string Description,
    string KpiName,
    KpiUnit KpiUnit,
    decimal Baseline,
    decimal Target,
    decimal Current,
    GoalStatus Status,
    int StartYearOffset,
    int Years,
    IReadOnlyList<string> Roots);
