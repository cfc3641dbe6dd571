using GraphQL.Types;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Graph;

/// <summary><c>node(id:)</c> and <c>nodes(ids:)</c> over every entity.</summary>
public sealed class RelayQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(NodeFields.Node());
        query.AddField(NodeFields.Nodes());
    }
}
