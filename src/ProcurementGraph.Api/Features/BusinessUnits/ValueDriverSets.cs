using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary>
/// <c>setValueDrivers</c> (Admin): a business unit's value drivers replaced as a whole. Statements: 1 to load the unit with its
/// drivers, 1 command to replace them at the unit's version (which it renews), the audit row, 1 to read the unit back.
/// Ratings do not refer to drivers (each rating has all five scores; <c>valueWeightedScore</c> weighs them by the unit's current
/// drivers), so any driver may be removed.
/// </summary>
internal static class ValueDriverSets
{
    /// <summary>At most one driver of each kind.</summary>
    public static readonly int MaxDrivers = Enum.GetValues<ValueDriverKind>().Length;

    /// <summary>
    /// Half a unit of the weight column's 4th decimal (<c>decimal(5,4)</c>). Each weight has at most 4 decimals, so their decimal
    /// sum is exact: within this tolerance means exactly 1.0000, and the stored weights sum to 1.
    /// </summary>
    public const decimal SumTolerance = 0.00005m;

    public static async Task<MutationResult> SetAsync(MutationContext mutation)
    {
        var (input, validation) = (mutation.Input, mutation.Validation);
        var unitId = validation.Key(input, "businessUnitId", "BusinessUnit", required: true);
        var drivers = Drivers(input, validation);
        mutation.ThrowIfInvalid();
        var unit = await mutation.FindWritableAsync<BusinessUnit>(
            b => b.Id == unitId, input, "businessUnitId", units => units.Include(b => b.ValueDrivers.OrderBy(d => d.Position))).ConfigureAwait(false);
        mutation.EnsureVersion(unit, input["expectedVersion"] as string);
        await mutation.ReplaceDependentsAsync(unit, nameof(BusinessUnit.ValueDrivers), drivers).ConfigureAwait(false);
        return MutationResult.Success(unit.Id);
    }

    private static List<ValueDriver> Drivers(MutationInput input, InputValidator validation)
    {
        var items = input.Items("drivers");
        if (items.Count == 0)
        {
            validation.Invalid(input, "drivers", ValidationCodes.Required, "`drivers` needs at least one value driver; the weights sum to 1.");
            return [];
        }

        if (items.Count > MaxDrivers)
        {
            validation.Invalid(input, "drivers", ValidationCodes.TooMany, $"`drivers` holds {items.Count} value drivers; at most {MaxDrivers} are allowed, each driver once.");
            return [];
        }

        var drivers = new List<ValueDriver>(items.Count);
        var seen = new HashSet<ValueDriverKind>();
        foreach (var item in items)
        {
            var driver = validation.Enum<ValueDriverKind>(item, "driver", required: true);
            var weight = validation.Number(item, "weight", precision: 5, scale: 4, min: 0.0001m, required: true, max: 1m);
            if (driver is { } kind && !seen.Add(kind))
            {
                validation.Invalid(item, "driver", ValidationCodes.Duplicate, $"`{item.Path("driver")}` lists {Name(kind)} again; each value driver appears once.");
            }

            drivers.Add(new ValueDriver { Driver = driver ?? default, Weight = weight ?? 0m, Position = drivers.Count });
        }

        if (validation.IsValid && Math.Abs(drivers.Sum(d => d.Weight) - 1m) >= SumTolerance)
        {
            validation.Invalid(input, "drivers", ValidationCodes.InvalidValue,
                $"The weights sum to {drivers.Sum(d => d.Weight).ToString(CultureInfo.InvariantCulture)}; they must sum to 1.");
        }

        return drivers;
    }

    private static string Name(ValueDriverKind kind) => kind.ToString().ToUpperInvariant();
}
