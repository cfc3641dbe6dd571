using GraphQL.Types;

namespace ProcurementGraph.Api.Graph;

/// <summary>A feature's mutation fields; every implementation is added to <see cref="MutationGraphType"/>.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
