using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary>The business units feature's mutations (Admin): what each internal customer values.</summary>
public sealed class BusinessUnitMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "setValueDrivers",
            Description = $"Admin: replaces a business unit's value drivers as a whole, at the version you read: 1 to {ValueDriverSets.MaxDrivers} drivers, "
                + "each once, weights in (0, 1] with at most 4 decimals that sum to 1. Ratings' `valueWeightedScore` follows at once.",
            Input = new SetValueDriversInputGraphType(new ValueDriverInputGraphType()),
            EntityTypeName = "BusinessUnit",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = ValueDriverSets.SetAsync,
        }));
    }
}
