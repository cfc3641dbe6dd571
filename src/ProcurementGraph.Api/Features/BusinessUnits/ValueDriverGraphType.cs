using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary>One value driver of a business unit, with its weight.</summary>
public sealed class ValueDriverGraphType : EntityGraphType<ValueDriver>
{
    public ValueDriverGraphType()
    {
        Name = "ValueDriver";
        Description = "One thing a business unit values in its suppliers, with the share of the unit's judgement it carries.";

        // (BusinessUnitId, Position) is unique: the key orders a unit's drivers by position, the default order of the list.
        HasKey(d => (long)d.BusinessUnitId * 2147483648L + d.Position);
        Value("driver", d => d.Driver, "What is valued.");
        Value("weight", d => d.Weight, "The share of the business unit's judgement, in (0, 1]; a unit's weights sum to 1.");
        Value("position", d => d.Position, "The zero-based position of the driver in the business unit's list (0 = most important).");
    }
}
