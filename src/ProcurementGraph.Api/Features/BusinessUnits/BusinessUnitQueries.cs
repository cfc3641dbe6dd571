using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Features.BusinessUnits;

/// <summary>Root fields of the business units feature.</summary>
public sealed class BusinessUnitQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(EntityFields.Connection("businessUnits", "BusinessUnit", "Business units (procurement's internal customers), filtered, sorted and paged with keyset cursors."));
        query.AddField(EntityFields.Lookup<BusinessUnit, string>(
            "businessUnit", "BusinessUnit", "A business unit by its code; null when it does not exist.",
            new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "code", Description = "The business unit code." },
            code => b => b.Code == code));
    }
}
