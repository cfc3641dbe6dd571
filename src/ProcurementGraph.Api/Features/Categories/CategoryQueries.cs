using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>Root fields of the categories feature.</summary>
public sealed class CategoryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("categories", "Category",
            "Categories of every level, filtered, sorted and paged with keyset cursors (`where: {level: {eq: 1}}` for the roots of the tree)."));
        query.AddField(EntityFields.Lookup<Category, string>(
            "category", "Category", "A category by its code; null when it does not exist.",
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "code", Description = "The category code, e.g. `IT.SW`." },
            code => c => c.Code == code));
    }
}
