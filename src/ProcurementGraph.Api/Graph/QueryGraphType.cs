using GraphQL.Types;

namespace ProcurementGraph.Api.Graph;

/// <summary>The root query type, composed of each feature's <see cref="IQueryFields"/>.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        Description = "The procurement graph: strategic goals, categories, suppliers, contracts, business units and ratings.";
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}
