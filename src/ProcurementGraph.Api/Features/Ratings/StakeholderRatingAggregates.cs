using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>What ratings group by and aggregate over (<c>ratingsAggregate</c>).</summary>
public static class StakeholderRatingAggregates
{
    public static AggregateDefinition Definition() => new AggregateDefinition("StakeholderRating")
        .Key("SUPPLIER", "supplier", "supplier", "The rated supplier.")
        .Key("BUSINESS_UNIT", "businessUnit", "businessUnit", "The business unit that gave the ratings.")
        .Key("CATEGORY", "category", "category", "The category the ratings were given in the context of; null for ratings without one.")
        .Key("CONTRACT", "contract", "contract", "The contract the ratings were given in the context of; null for ratings without one.")
        .Key("PERIOD", "period", "period", "The period the ratings cover, e.g. `2026-Q3`.")
        .Key("SUPPLIER_COUNTRY", "supplierCountry", "supplier.country", "The rated supplier's country (ISO 3166 alpha-2).")
        .Key("OVERALL", "overall", "overall", "The overall score, 1..5 (a distribution of the scores).")
        .Key<DateOnly, int>("RATED_YEAR", "ratedYear", "ratedOn", d => d.Year, "The year the ratings were given.")
        .Measure("quality")
        .Measure("delivery")
        .Measure("responsiveness")
        .Measure("innovation")
        .Measure("costValue")
        .Measure("overall")
        .Measure("valueWeightedScore");
}
