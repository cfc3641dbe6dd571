using GraphQL.Types;

namespace ProcurementGraph.Api.Graph;

/// <summary>The root subscription type, composed of each feature's <see cref="ISubscriptionFields"/>.</summary>
public sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType(IEnumerable<ISubscriptionFields> features)
    {
        Name = "Subscription";
        Description = "Live updates: each field streams an event when a mutation's change has committed, with the changed object read as you would read it (your row and field rules apply). Over WebSocket (`graphql-transport-ws`) or Server-Sent Events at `/graphql`.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal))
        {
            feature.AddTo(this);
        }
    }
}
