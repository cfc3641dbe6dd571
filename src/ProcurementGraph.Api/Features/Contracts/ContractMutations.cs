using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>The contracts feature's mutations (editors).</summary>
public sealed class ContractMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "updateContract",
            Description = "Changes a contract's terms at the version you read; fields left out keep their values. Derived values (`annualSavings`, `isExpiringSoon`, ...) follow at once.",
            Input = new UpdateContractInputGraphType(),
            EntityTypeName = "Contract",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = ContractWrites.UpdateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "changeContractStatus",
            Description = "Moves a contract along its life cycle (DRAFT → ACTIVE → EXPIRED / TERMINATED); other moves are an InvalidStatusTransitionError.",
            Input = new ChangeContractStatusInputGraphType(),
            EntityTypeName = "Contract",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType), typeof(InvalidTransitionErrorGraphType)],
            Handler = ContractWrites.ChangeStatusAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "deleteContract",
            Description = "Admin: deletes a contract at the version you read; refused with ObjectInUseError while ratings refer to it.",
            Input = new DeleteContractInputGraphType(),
            EntityTypeName = "Contract",
            PayloadFieldName = "deletedContractId",
            ReturnsId = true,
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType), typeof(InUseErrorGraphType)],
            Handler = ContractDeletion.DeleteAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "createContract",
            Description = "Creates a contract (status DRAFT) with a supplier in a category for a business unit.",
            Input = new CreateContractInputGraphType(),
            EntityTypeName = "Contract",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = ContractCreation.CreateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "renewContract",
            Description = "Extends an ACTIVE or EXPIRED contract at the version you read (it becomes ACTIVE); without `endDate` by its current term's length.",
            Input = new RenewContractInputGraphType(),
            EntityTypeName = "Contract",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType), typeof(InvalidTransitionErrorGraphType)],
            Handler = ContractCreation.RenewAsync,
        }));
    }
}
