using GraphQL.Types;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Features.Performance;

/// <summary>Root fields of satisfaction next to savings (issue 16 item 3).</summary>
public sealed class PerformanceQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("categoryPerformance", "CategoryPerformance",
            "Satisfaction next to savings per category and quarter, filtered, sorted and paged with keyset cursors: "
            + "`categoryPerformance(where: {period: {eq: \"2026-Q3\"}}, order: [{valueGap: DESC}])` lists the categories where "
            + "procurement saves money but fails its internal customers first."));
        query.AddField(EntityFields.Connection("businessUnitPerformance", "BusinessUnitPerformance",
            "Satisfaction next to savings per business unit (internal customer) and quarter, filtered, sorted and paged with keyset cursors."));
    }
}
