using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Graph;

/// <summary>The ProcurementGraph schema. A singleton: graph types never capture a DbContext.</summary>
public sealed class ProcurementSchema : Schema
{
    public ProcurementSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        Subscription = services.GetRequiredService<SubscriptionGraphType>();
        QueryingTypes.Register(this, services.GetServices<IEntityGraphType>(), Query, Mutation);
    }
}
