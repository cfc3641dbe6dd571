using System.Text.RegularExpressions;
using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.StrategicGoals;

/// <summary>
/// Validates goal input and applies it: on create every required field, on update only the fields given (a required field
/// given as null is REQUIRED; <c>description</c> given as null is cleared). KPI numbers fit <c>decimal(18,4)</c>; the period
/// is checked against the stored one on update (<see cref="CheckPeriod"/>).
/// </summary>
internal static partial class StrategicGoalValues
{
    /// <summary>The smallest KPI value <c>decimal(18,4)</c> holds (the largest is its negation).</summary>
    public const decimal KpiMin = -99_999_999_999_999.9999m;

    /// <summary>The changes of <paramref name="input"/> but the period, as setters; validation errors are collected in <paramref name="validation"/>.</summary>
    public static List<Action<StrategicGoal>> Read(MutationInput input, InputValidator validation, bool create)
    {
        var changes = new List<Action<StrategicGoal>>();
        bool Needed(string name) => create || input.Has(name);
        if (Code(input, validation, Needed("code")) is { } code)
        {
            changes.Add(g => g.Code = code);
        }

        Text(input, "title", validation.Text(input, "title", ModelConventions.NameLength, Needed("title")), (g, v) => g.Title = v, changes);
        Text(input, "ownerName", validation.Text(input, "ownerName", ModelConventions.NameLength, Needed("ownerName")), (g, v) => g.OwnerName = v, changes);
        Text(input, "ownerEmail", validation.Email(input, "ownerEmail", ModelConventions.EmailLength, Needed("ownerEmail")), (g, v) => g.OwnerEmail = v, changes);
        Text(input, "kpiName", validation.Text(input, "kpiName", ModelConventions.NameLength, Needed("kpiName")), (g, v) => g.KpiName = v, changes);
        if (input.Has("description"))
        {
            var description = validation.Text(input, "description", ModelConventions.TextLength, required: false);
            changes.Add(g => g.Description = description);
        }

        if (validation.Enum<GoalTheme>(input, "theme", Needed("theme")) is { } theme)
        {
            changes.Add(g => g.Theme = theme);
        }

        if (validation.Enum<GoalStatus>(input, "status", input.Has("status")) is { } status)
        {
            changes.Add(g => g.Status = status);
        }

        if (validation.Enum<KpiUnit>(input, "kpiUnit", Needed("kpiUnit")) is { } unit)
        {
            changes.Add(g => g.KpiUnit = unit);
        }

        if (Kpi(input, validation, "baseline", Needed("baseline")) is { } baseline)
        {
            changes.Add(g => g.Baseline = baseline);
        }

        if (Kpi(input, validation, "target", Needed("target")) is { } target)
        {
            changes.Add(g => g.Target = target);
        }

        return changes;
    }

    /// <summary>A KPI value that fits <c>decimal(18,4)</c>.</summary>
    public static decimal? Kpi(MutationInput input, InputValidator validation, string name, bool required) =>
        validation.Number(input, name, precision: 18, scale: 4, min: KpiMin, required: required);

    /// <summary>The period's days given in the input (null when left out; REQUIRED when needed or given as null).</summary>
    public static (DateOnly? Start, DateOnly? End) ReadPeriod(MutationInput input, InputValidator validation, bool create) =>
        (validation.Date(input, "periodStart", create || input.Has("periodStart")), validation.Date(input, "periodEnd", create || input.Has("periodEnd")));

    /// <summary>An INVALID_VALUE error when the period ends before it starts, on the field the input changed (the end, else the start).</summary>
    public static bool CheckPeriod(MutationInput input, InputValidator validation, DateOnly start, DateOnly end)
    {
        if (end >= start)
        {
            return true;
        }

        validation.Invalid(input, input.Has("periodEnd") ? "periodEnd" : "periodStart", ValidationCodes.InvalidValue, "`periodEnd` is before `periodStart`.");
        return false;
    }

    /// <summary>The code in upper case when it fits the column and the pattern, else null (with an error).</summary>
    private static string? Code(MutationInput input, InputValidator validation, bool required)
    {
        var code = validation.Text(input, "code", ModelConventions.CodeLength, required)?.ToUpperInvariant();
        if (code is not null && !Pattern().IsMatch(code))
        {
            validation.Invalid(input, "code", ValidationCodes.InvalidFormat, "`code` is groups of A-Z and 0-9 joined by `-` or `_`, e.g. `SG-2026-03`.");
            return null;
        }

        return code;
    }

    [GeneratedRegex(@"^[A-Z0-9]+([-_][A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private static void Text(MutationInput input, string name, string? value, Action<StrategicGoal, string> set, List<Action<StrategicGoal>> changes)
    {
        if (input.Has(name) && value is not null)
        {
            changes.Add(g => set(g, value));
        }
    }
}
