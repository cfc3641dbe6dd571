using System.Security.Claims;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Security;

namespace ProcurementGraph.Api.Features.Me;

/// <summary>The <c>me</c> root field.</summary>
public sealed class MeQueries(IOptions<SecurityOptions> security) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MeGraphType>>("me")
            .Description("Who the caller is: name, app roles, and the supplier a partner acts for.")
            .Resolve(context => ProcurementCaller.From(context.User ?? new ClaimsPrincipal(new ClaimsIdentity()), security.Value));
    }
}
