using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>An agreement with a supplier in a category, owned by the business unit that uses it.</summary>
public sealed class ContractGraphType : EntityGraphType<Contract>
{
    public ContractGraphType()
    {
        Name = "Contract";
        Description = "An agreement with a supplier in a category, owned by the business unit that uses it.";
        HasKey(c => c.Id);
        Id("The contract's global ID (Relay).");
        Computed("version", c => c.Version, (version, _) => Versions.Format(version)!,
            "The opaque version of this object, renewed by every change; pass it as `expectedVersion` to change it.").Type(new NonNullGraphType(new StringGraphType()));
        Value("number", c => c.Number, "The unique contract number, e.g. `CT-004211`.");
        Value("title", c => c.Title, "What the contract covers.");
        Value("status", c => c.Status, "The life-cycle stage of the contract.");
        Value("startDate", c => c.StartDate, "The first day the contract is in force.");
        Value("endDate", c => c.EndDate, "The last day the contract is in force.");
        Value("signedOn", c => c.SignedOn, "The day the contract was signed; null while it is a draft.");
        Value("autoRenew", c => c.AutoRenew, "Whether the contract renews itself unless notice is given.");
        Value("noticePeriodDays", c => c.NoticePeriodDays, "Days of notice needed to end or not renew the contract.");
        Value("paymentTermsDays", c => c.PaymentTermsDays, "Days the organisation has to pay an invoice.");
        Value("totalValue", c => c.TotalValue, "The value over the whole term, in the reporting currency.");
        Value("annualValue", c => c.AnnualValue, "The value per year, in the reporting currency.");
        Value("baselineAnnualCost", c => c.BaselineAnnualCost, "What the same supply cost per year before this contract (negotiation data).");
        Value("originalCurrency", c => c.OriginalCurrency, "ISO 4217 code of the currency the contract was signed in.");
        Value("originalTotalValue", c => c.OriginalTotalValue, "The total value in the currency the contract was signed in.");
        Value("annualSavings", c => c.BaselineAnnualCost - c.AnnualValue,
            "Derived: baselineAnnualCost - annualValue, in the reporting currency.");
        Value("savingsPercent", c => c.BaselineAnnualCost == 0 ? null : (double?)((c.BaselineAnnualCost - c.AnnualValue) / c.BaselineAnnualCost),
            "Derived: annualSavings / baselineAnnualCost as a fraction (0.12 = 12 %); null when there is no baseline.");
        Computed("daysToExpiry", c => c.EndDate, (end, _) => end.DayNumber - ReportingDate.Today.DayNumber,
            "Derived: days from today to endDate; negative once the contract has ended.");
        Value("isExpiringSoon", c => c.Status == ContractStatus.Active && c.EndDate >= ReportingDate.Today
                && c.EndDate <= ReportingDate.Today.AddDays(c.NoticePeriodDays + 30),
            "Derived: ACTIVE and ending within the notice period plus 30 days.");
        Reference("supplier", c => c.Supplier, "Supplier", "The supplier the contract is with.", nullable: false);
        Reference("category", c => c.Category, "Category", "The (leaf) category the contract is filed in.", nullable: false);
        // Nullable in the schema though required in the data: a partner may read the owner's name but not its ID, and a
        // denied non-null ID must null the owner, not the whole contract list.
        Reference("owner", c => c.Owner, "BusinessUnit", "The business unit that uses the contract.");
        Connection("ratings", c => c.Ratings, "StakeholderRating", "Business units' ratings of the supplier given in the context of this contract.");
        Audit.AuditHistory.AddTo(this);
    }
}
