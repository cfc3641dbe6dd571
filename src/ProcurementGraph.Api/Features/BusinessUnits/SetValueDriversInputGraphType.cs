using GraphQL.Types;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary><c>SetValueDriversInput</c>: a business unit's complete new list of value drivers.</summary>
public sealed class SetValueDriversInputGraphType : InputObjectGraphType
{
    public SetValueDriversInputGraphType(ValueDriverInputGraphType driver)
    {
        Name = "SetValueDriversInput";
        Description = "A business unit's complete new list of value drivers, most important first; it replaces the current list.";
        Field<NonNullGraphType<IdGraphType>>("businessUnitId").Description("The business unit.");
        Field<NonNullGraphType<StringGraphType>>("expectedVersion").Description("The `version` of the business unit as you read it.");
        Field("drivers", new NonNullGraphType(new ListGraphType(new NonNullGraphType(driver))))
            .Description($"The value drivers in order of importance (their `position`): 1 to {ValueDriverSets.MaxDrivers}, each driver once, weights summing to 1.");
    }
}
