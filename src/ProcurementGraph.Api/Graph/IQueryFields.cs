using GraphQL.Types;

namespace ProcurementGraph.Api.Graph;

/// <summary>A feature's root query fields; every implementation is added to <see cref="QueryGraphType"/>.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
