using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Features.Performance;

/// <summary>Satisfaction next to savings for one business unit in one quarter (the <c>BusinessUnitPerformance</c> view).</summary>
public sealed class BusinessUnitPerformanceGraphType : PerformanceGraphType<BusinessUnitPerformance>
{
    public BusinessUnitPerformanceGraphType()
    {
        Name = "BusinessUnitPerformance";
        Description = "Satisfaction next to savings for one business unit (an internal customer) in one quarter: the value-weighted score "
            + "of all the ratings the unit gave that quarter (with or without a category), its trend, and the savings of the contracts "
            + "the unit owns that are in force in the quarter. One node per business unit and quarter with at least one rating.";
        HasKey(p => p.Id);
        Reference("businessUnit", p => p.BusinessUnit, "BusinessUnit", "The business unit (the internal customer).", nullable: false);
        AddFigures();
    }
}
