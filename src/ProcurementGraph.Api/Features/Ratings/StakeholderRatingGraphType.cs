using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>A business unit's rating of a supplier, optionally in the context of a category and a contract.</summary>
public sealed class StakeholderRatingGraphType : EntityGraphType<StakeholderRating>
{
    public StakeholderRatingGraphType()
    {
        Name = "StakeholderRating";
        Description = "A business unit's rating of a supplier against its value drivers, optionally in the context of a category and a contract. Scores are 1 (poor) to 5 (excellent).";
        HasKey(r => r.Id);
        Id("The rating's global ID (Relay).");
        Computed("version", r => r.Version, (version, _) => Versions.Format(version)!,
            "The opaque version of this object, renewed by every change; pass it as `expectedVersion` to change it.").Type(new NonNullGraphType(new StringGraphType()));
        Reference("supplier", r => r.Supplier, "Supplier", "The rated supplier.", nullable: false);
        Reference("businessUnit", r => r.BusinessUnit, "BusinessUnit", "The business unit that gave the rating.", nullable: false);
        Reference("category", r => r.Category, "Category", "The category the rating was given in the context of; null when none.");
        Reference("contract", r => r.Contract, "Contract", "The contract the rating was given in the context of; null when none.");
        Value("raterName", r => r.RaterName, "The person who rated (sensitive).");
        Value("raterEmail", r => r.RaterEmail, "The e-mail address of the person who rated (sensitive).");
        Value("ratedOn", r => r.RatedOn, "The day the rating was given.");
        Value("period", r => r.Period, "The period the rating covers, e.g. `2026-Q3`.");
        Value("quality", r => r.Quality, "The quality score, 1..5.");
        Value("delivery", r => r.Delivery, "The delivery score, 1..5.");
        Value("responsiveness", r => r.Responsiveness, "The responsiveness score, 1..5.");
        Value("innovation", r => r.Innovation, "The innovation score, 1..5.");
        Value("costValue", r => r.CostValue, "The cost / value-for-money score, 1..5.");
        Value("overall", r => r.Overall, "The overall score, 1..5.");
        Value("comment", r => r.Comment, "The rater's comment (internal only).");
        // In float, not decimal: SQLite does decimal arithmetic in application functions, far slower when sorting and filtering;
        // rounded to the weights' 4 decimals so 0.45 × 3 + ... reads 3.85, not 3.8499999999999996.
        Value("valueWeightedScore", r => Math.Round(r.BusinessUnit.ValueDrivers.Sum(d => (double)d.Weight * (
                d.Driver == ValueDriverKind.Quality ? r.Quality
                : d.Driver == ValueDriverKind.Delivery ? r.Delivery
                : d.Driver == ValueDriverKind.Responsiveness ? r.Responsiveness
                : d.Driver == ValueDriverKind.Innovation ? r.Innovation
                : r.CostValue)), 4),
            "Derived: the scores weighted by the rating business unit's value drivers (the sum of weight × the matching score; "
            + "QUALITY → quality, DELIVERY → delivery, RESPONSIVENESS → responsiveness, INNOVATION → innovation, COST → costValue), 1..5.");
        Audit.AuditHistory.AddTo(this);
    }
}
