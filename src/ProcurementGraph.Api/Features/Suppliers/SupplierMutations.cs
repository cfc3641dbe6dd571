using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>The suppliers feature's mutations: editors curate suppliers, a partner keeps its own contact details right.</summary>
public sealed class SupplierMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "createSupplier",
            Description = "Creates a supplier (status PROSPECT).",
            Input = new CreateSupplierInputGraphType(),
            EntityTypeName = "Supplier",
            Errors = [typeof(ValidationErrorGraphType)],
            Handler = SupplierWrites.CreateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "updateSupplier",
            Description = "Changes a supplier at the version you read; fields left out keep their values.",
            Input = new UpdateSupplierInputGraphType(),
            EntityTypeName = "Supplier",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = SupplierWrites.UpdateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "changeSupplierStatus",
            Description = "Moves a supplier along its life cycle (PROSPECT → ONBOARDING → ACTIVE ⇄ SUSPENDED → OFFBOARDED); other moves are an InvalidStatusTransitionError. Becoming ACTIVE the first time sets `onboardedOn`.",
            Input = new ChangeSupplierStatusInputGraphType(),
            EntityTypeName = "Supplier",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType), typeof(InvalidTransitionErrorGraphType)],
            Handler = SupplierWrites.ChangeStatusAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "updateMySupplierContact",
            Description = "Partner portal: changes your own supplier's primary contact e-mail, website and city, at the version you read.",
            Input = new UpdateMySupplierContactInputGraphType(),
            EntityTypeName = "Supplier",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = SupplierWrites.UpdateMyContactAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "deleteSupplier",
            Description = "Admin: deletes a supplier at the version you read; refused with ObjectInUseError while contracts, ratings or category links refer to it.",
            Input = new DeleteSupplierInputGraphType(),
            EntityTypeName = "Supplier",
            PayloadFieldName = "deletedSupplierId",
            ReturnsId = true,
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType), typeof(InUseErrorGraphType)],
            Handler = SupplierDeletion.DeleteAsync,
        }));
    }
}
