using GraphQL.Types;

namespace ProcurementGraph.Api.Graph;

/// <summary>A feature's subscription fields; every implementation is added to <see cref="SubscriptionGraphType"/>.</summary>
public interface ISubscriptionFields
{
    void AddTo(ObjectGraphType subscription);
}
