using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;
using DateGraphType = ProcurementGraph.Toolkit.Querying.Metadata.DateGraphType;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>The editable fields of a goal, shared by <c>CreateStrategicGoalInput</c> (required ones non-null) and <c>UpdateStrategicGoalInput</c>.</summary>
internal static class StrategicGoalInputFields
{
    public const string KpiNumber = "at most 4 decimals, below 10^14 in magnitude";

    public static void AddGoalFields(this InputObjectGraphType input, bool create)
    {
        Field<StringGraphType>(input, "code", create, "The unique goal code, at most 32 characters of A-Z and 0-9 in groups joined by `-` or `_`, e.g. `SG-2026-03` (stored upper case).");
        Field<StringGraphType>(input, "title", create, "A short statement of the goal, at most 200 characters.");
        input.Field<StringGraphType>("description").Description("What the goal means and how it is pursued, at most 2000 characters" + (create ? "." : "; null clears it."));
        Field<EnumerationGraphType<GoalTheme>>(input, "theme", create, "The organisation-wide aim the goal serves.");
        Field<StringGraphType>(input, "ownerName", create, "The person accountable for the goal, at most 200 characters.");
        Field<StringGraphType>(input, "ownerEmail", create, "The owner's e-mail address.");
        Field<DateGraphType>(input, "periodStart", create, "The first day of the period the goal covers.");
        Field<DateGraphType>(input, "periodEnd", create, "The last day of the period the goal covers, not before `periodStart`.");
        input.Field<EnumerationGraphType<GoalStatus>>("status").Description(create ? "Where the goal stands; default DRAFT." : "Where the goal stands.");
        Field<StringGraphType>(input, "kpiName", create, "The name of the KPI the goal is measured by, at most 200 characters.");
        Field<EnumerationGraphType<KpiUnit>>(input, "kpiUnit", create, "The unit the KPI is measured in.");
        Field<DecimalScalarGraphType>(input, "baseline", create, $"The KPI's value when the goal was set, {KpiNumber}.");
        Field<DecimalScalarGraphType>(input, "target", create, $"The KPI value the goal aims for, {KpiNumber}; below the baseline for a KPI to push down.");
    }

    private static void Field<TType>(InputObjectGraphType input, string name, bool required, string description)
        where TType : IGraphType
    {
        if (required)
        {
            input.Field<NonNullGraphType<TType>>(name).Description(description);
        }
        else
        {
            input.Field<TType>(name).Description(description);
        }
    }
}
