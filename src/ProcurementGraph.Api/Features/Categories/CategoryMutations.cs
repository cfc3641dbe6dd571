using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>The categories feature's mutations: editors keep the category tree and the suppliers approved in each category.</summary>
public sealed class CategoryMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "createCategory",
            Description = "Creates a category: a root (level 1) or below a parent of level 1 or 2 (level = the parent's + 1; `code` = the parent's code, a dot and one segment).",
            Input = new CreateCategoryInputGraphType(),
            EntityTypeName = "Category",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = CategoryWrites.CreateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "updateCategory",
            Description = "Changes a category at the version you read; fields left out keep their values (code, parent and level stay).",
            Input = new UpdateCategoryInputGraphType(),
            EntityTypeName = "Category",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = CategoryWrites.UpdateAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "moveCategory",
            Description = "Moves a category with its subcategories below another parent (`newParentId`; null makes it a root) at the version you read: "
                + "its code becomes the parent's code, a dot and its own last segment, its level the parent's + 1, and every subcategory's code and level follow "
                + "(each changed category gets a new version). Moving below itself or a subcategory, beyond level 3, or onto a taken code is a ValidationError on `newParentId`.",
            Input = new MoveCategoryInputGraphType(),
            EntityTypeName = "Category",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType)],
            Handler = CategoryMove.MoveAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "linkSupplierToCategory",
            Description = "Approves a supplier in a category (`isPreferred`, `since`); the payload is the category, its `suppliers` list the new link. "
                + "A supplier already approved there is a DUPLICATE ValidationError.",
            Input = new LinkSupplierToCategoryInputGraphType(),
            EntityTypeName = "Category",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = CategorySupplierLinks.LinkAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "unlinkSupplierFromCategory",
            Description = "Withdraws a supplier's approval in a category; the payload is the category. "
                + "A supplier not approved there is a NOT_LINKED ValidationError.",
            Input = new UnlinkSupplierFromCategoryInputGraphType(),
            EntityTypeName = "Category",
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType)],
            Handler = CategorySupplierLinks.UnlinkAsync,
        }));
        mutation.AddField(MutationFields.Create(new MutationDefinition
        {
            Name = "deleteCategory",
            Description = "Admin: deletes a category at the version you read; refused with ObjectInUseError while subcategories, contracts, supplier approvals, goal links or ratings refer to it.",
            Input = new DeleteCategoryInputGraphType(),
            EntityTypeName = "Category",
            PayloadFieldName = "deletedCategoryId",
            ReturnsId = true,
            Errors = [typeof(ValidationErrorGraphType), typeof(NotFoundErrorGraphType), typeof(ConcurrencyConflictErrorGraphType), typeof(InUseErrorGraphType)],
            Handler = CategoryDeletion.DeleteAsync,
        }));
    }
}
