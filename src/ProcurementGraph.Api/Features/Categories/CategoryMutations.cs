using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Server.Mutations;

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
    }
}
