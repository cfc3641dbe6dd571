namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// The floor for <c>{ __typename }</c>: a minimal ASP.NET Core endpoint that reads the request's JSON body and answers the
/// graph's JSON, <c>{"data":{"__typename":"Query"}}</c>, through System.Text.Json; no database, no GraphQL.
/// </summary>
internal static class RawTypename
{
    private static readonly object Answer = new { data = new { __typename = "Query" } };

    public static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<object> Handle(RawRequest request) =>
        TypedResults.Json(Answer, RawJson.Options);
}
