using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>An organisation-wide, long-term procurement goal with one KPI.</summary>
public sealed class StrategicGoalGraphType : EntityGraphType<StrategicGoal>
{
    public StrategicGoalGraphType()
    {
        Name = "StrategicGoal";
        Description = "An organisation-wide, long-term procurement goal aligned with the business, measured by one KPI.";
        HasKey(g => g.Id);
        Id("The goal's global ID (Relay).");
        Computed("version", g => g.Version, (version, _) => Versions.Format(version)!,
            "The opaque version of this object, renewed by every change; pass it as `expectedVersion` to change it.").Type(new NonNullGraphType(new StringGraphType()));
        Value("code", g => g.Code, "The unique goal code, e.g. `SG-2026-03`.");
        Value("title", g => g.Title, "A short statement of the goal.");
        Value("description", g => g.Description, "What the goal means and how it is pursued.");
        Value("theme", g => g.Theme, "The organisation-wide aim the goal serves.");
        Value("ownerName", g => g.OwnerName, "The person accountable for the goal.");
        Value("ownerEmail", g => g.OwnerEmail, "The e-mail address of the goal's owner.");
        Value("periodStart", g => g.PeriodStart, "The first day of the period the goal covers.");
        Value("periodEnd", g => g.PeriodEnd, "The last day of the period the goal covers.");
        Value("status", g => g.Status, "Where the goal stands.");
        Value("kpiName", g => g.KpiName, "The name of the KPI the goal is measured by.");
        Value("kpiUnit", g => g.KpiUnit, "The unit the KPI is measured in.");
        Value("baseline", g => g.Baseline, "The KPI's value when the goal was set.");
        Value("target", g => g.Target, "The KPI value the goal aims for; below the baseline for goals that push a KPI down (e.g. cost).");
        Value("current", g => g.Current, "The KPI's latest measured value.");
        Value("progress", g => g.Target == g.Baseline
                ? (g.Current == g.Target ? 1.0 : 0.0)
                : (double)((g.Current - g.Baseline) / (g.Target - g.Baseline)) < 0.0 ? 0.0
                : (double)((g.Current - g.Baseline) / (g.Target - g.Baseline)) > 1.0 ? 1.0
                : (double)((g.Current - g.Baseline) / (g.Target - g.Baseline)),
            "Derived: (current - baseline) / (target - baseline), clamped to 0..1 (0 = at or behind the baseline, 1 = target reached); "
            + "works for targets below the baseline. When target equals baseline: 1 if current equals the target, else 0.");
        List("categories", g => g.Categories, "GoalCategoryLink", "The categories the goal is pursued through, each with the share of the goal it carries.");
        Audit.AuditHistory.AddTo(this);
    }
}
