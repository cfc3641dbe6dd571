using GraphQL;
using Microsoft.AspNetCore.Http;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>Reads HotChocolate's <c>GraphQL-Cost</c> request header (<c>report</c> or <c>validate</c>) into the request's <see cref="CostRequest"/>.</summary>
public sealed class CostHeaderInterceptor : IGraphQLHttpRequestInterceptor
{
    public ValueTask OnExecutingAsync(HttpContext context, ExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var reporting = CostRequest.ParseHeader(context.Request.Headers[CostRequest.HeaderName].ToString());
        if (reporting != CostReporting.None)
        {
            CostRequest.For(options.UserContext).Reporting = reporting;
        }

        return default;
    }
}
