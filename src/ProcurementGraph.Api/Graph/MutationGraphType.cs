using GraphQL.Types;

namespace ProcurementGraph.Api.Graph;

/// <summary>The root mutation type, composed of each feature's <see cref="IMutationFields"/> (HotChocolate's mutation conventions).</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Changes to the procurement graph. Each field runs in its own transaction; business failures are typed errors in its payload.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal))
        {
            feature.AddTo(this);
        }
    }
}
