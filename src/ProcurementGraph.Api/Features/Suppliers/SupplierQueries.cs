using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Server.Querying.Paging;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>Root fields of the suppliers feature.</summary>
public sealed class SupplierQueries(IOptions<PagingOptions> paging) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field("suppliers", new ConnectionGraphType<SupplierGraphType, Supplier>("suppliers"))
            .Description("Suppliers, in key order, paged forward with keyset cursors.")
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .ResolveAsync(async context =>
            {
                var arguments = PagingArguments.From(context, paging.Value, isRoot: true);
                var db = context.RequestServices!.GetRequiredService<ProcurementDbContext>();
                return await IdKeysetPager.PageAsync(
                    db.Suppliers.AsNoTracking(),
                    s => s.Id,
                    s => s.Id,
                    arguments,
                    context.SubFields?.ContainsKey("totalCount") == true,
                    context.CancellationToken).ConfigureAwait(false);
            });
    }
}
