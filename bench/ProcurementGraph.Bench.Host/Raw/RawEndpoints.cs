using ProcurementGraph.Api.Security;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// Maps the raw baseline: <c>POST /raw/supplierList</c>, <c>/raw/supplierScorecard</c>, <c>/raw/biExtract</c>, <c>/raw/nodeLookup</c>,
/// <c>/raw/typename</c> (the minimal endpoint: no database), <c>/raw/contractsByCategoryQuarter</c> (the group-by's SQL oracle), and the writes
/// <c>/raw/submitRatings</c>, <c>/raw/updateContract</c>, each answering
/// the same JSON as the matching GraphQL operation. Behind the same middleware and the same authorization policy as <c>/graphql</c>.
/// </summary>
internal static class RawEndpoints
{
    public static WebApplication MapRawEndpoints(this WebApplication app)
    {
        var raw = app.MapGroup("/raw").RequireAuthorization(ProcurementPolicies.ApiAccess);
        raw.MapPost("/supplierList", RawSupplierList.HandleAsync);
        raw.MapPost("/supplierScorecard", RawSupplierScorecard.HandleAsync);
        raw.MapPost("/biExtract", RawBiExtract.HandleAsync);
        raw.MapPost("/nodeLookup", RawNodeLookup.HandleAsync);
        raw.MapPost("/typename", RawTypename.Handle);
        raw.MapPost("/contractsByCategoryQuarter", RawContractsByCategoryQuarter.HandleAsync);
        raw.MapPost("/submitRatings", RawSubmitRatings.HandleAsync);
        raw.MapPost("/updateContract", RawUpdateContract.HandleAsync);
        return app;
    }
}
