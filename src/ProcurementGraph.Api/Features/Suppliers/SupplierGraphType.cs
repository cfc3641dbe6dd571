using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>A company the organisation buys from (or may buy from).</summary>
public sealed class SupplierGraphType : EntityGraphType<Supplier>
{
    public SupplierGraphType()
    {
        Name = "Supplier";
        Description = "A company the organisation buys from, or may buy from.";
        HasKey(s => s.Id);
        Id("The supplier's global ID (Relay).");
        Computed("version", s => s.Version, (version, _) => Versions.Format(version)!,
            "The opaque version of this object, renewed by every change; pass it as `expectedVersion` to change it.").Type(new NonNullGraphType(new StringGraphType()));
        Value("name", s => s.Name, "The trading name.");
        Value("legalName", s => s.LegalName, "The registered legal name.");
        Value("registrationNumber", s => s.RegistrationNumber, "The company registration number (sensitive).");
        Value("country", s => s.Country, "ISO 3166 alpha-2 country code.");
        Value("city", s => s.City, "The city of the supplier's main office.");
        Value("website", s => s.Website, "The supplier's website.");
        Value("primaryContactEmail", s => s.PrimaryContactEmail, "The e-mail address of the supplier's primary contact.");
        Value("status", s => s.Status, "The life-cycle stage of the relationship.");
        Value("riskLevel", s => s.RiskLevel, "Assessed supply risk.");
        Value("complianceStatus", s => s.ComplianceStatus, "The outcome of the latest compliance review.");
        Value("lastAuditOn", s => s.LastAuditOn, "The day of the latest supplier audit.");
        Value("isDiverse", s => s.IsDiverse, "Whether the supplier is a diverse business (minority-, women-, veteran-owned, ...).");
        Value("onboardedOn", s => s.OnboardedOn, "The day the supplier was onboarded.");
        // From the trigger-kept rollup (Data/Rollups/RollupSql.cs), in exact cents; to decimal exactly as whole units + cents / 100
        // (read once when selected, divided in memory).
        Hundredths("activeContractValue", s => s.Rollups.Sum(r => r.ActiveContractValueCents),
            "Derived: the summed annual value of the supplier's ACTIVE contracts, in the reporting currency.");
        Connection("contracts", s => s.Contracts, "Contract", "The supplier's contracts.");
        List("categories", s => s.Categories, "SupplierCategoryLink",
            "The categories the supplier is approved in, with whether it is preferred there and since when.");
        Connection("ratings", s => s.Ratings, "StakeholderRating", "Business units' ratings of the supplier.");
        // From the trigger-kept rating totals (one row per rated business unit): Data/Rollups/AnalyticsRollupSql.cs.
        Reference("ratingSummary", s => s.RatingTotals, "RatingSummary",
            "Derived: a summary of business units' ratings of the supplier (counts, average scores, latest rating).", nullable: false);
        Audit.AuditHistory.AddTo(this);
    }
}
