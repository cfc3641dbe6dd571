using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>The keys and measures of the three aggregates, restated over the oracle rows.</summary>
public static class AggregateSpecsOf
{
    public static IReadOnlyList<KeySpec<ContractRow>> ContractKeys { get; } =
    [
        new("CATEGORY", "category", "Category", c => c.CategoryId),
        new("OWNER", "owner", "BusinessUnit", c => c.OwnerId),
        new("SUPPLIER", "supplier", "Supplier", c => c.SupplierId),
        new("STATUS", "status", null, c => c.Status, Shown.EnumName<ContractStatus>()),
        new("SUPPLIER_COUNTRY", "supplierCountry", null, c => c.SupplierCountry),
        new("SUPPLIER_RISK_LEVEL", "supplierRiskLevel", null, c => c.SupplierRiskLevel, Shown.EnumName<RiskLevel>()),
        new("CURRENCY", "originalCurrency", null, c => c.OriginalCurrency),
        new("AUTO_RENEW", "autoRenew", null, c => c.AutoRenew),
        new("START_YEAR", "startYear", null, c => c.StartDate.Year),
        new("START_QUARTER", "startQuarter", null, c => Quarter(c.StartDate), Shown: QuarterName),
        new("END_YEAR", "endYear", null, c => c.EndDate.Year),
        new("END_QUARTER", "endQuarter", null, c => Quarter(c.EndDate), Shown: QuarterName),
    ];

    public static IReadOnlyList<MeasureSpec<ContractRow>> ContractMeasures { get; } =
    [
        new("annualValue", MeasureKind.Exact, c => c.AnnualValue),
        new("annualSavings", MeasureKind.Exact, c => c.AnnualSavings),
        new("totalValue", MeasureKind.Exact, c => c.TotalValue),
        new("baselineAnnualCost", MeasureKind.Exact, c => c.BaselineAnnualCost),
        new("savingsPercent", MeasureKind.Floating, c => c.SavingsPercent, HasSum: false),
        new("noticePeriodDays", MeasureKind.Whole, c => c.NoticePeriodDays, HasSum: false),
        new("paymentTermsDays", MeasureKind.Whole, c => c.PaymentTermsDays, HasSum: false),
    ];

    public static IReadOnlyList<KeySpec<RatingRow>> RatingKeys { get; } =
    [
        new("SUPPLIER", "supplier", "Supplier", r => r.SupplierId),
        new("BUSINESS_UNIT", "businessUnit", "BusinessUnit", r => r.BusinessUnitId),
        new("CATEGORY", "category", "Category", r => r.CategoryId),
        new("CONTRACT", "contract", "Contract", r => r.ContractId),
        new("PERIOD", "period", null, r => r.Period),
        new("SUPPLIER_COUNTRY", "supplierCountry", null, r => r.SupplierCountry),
        new("OVERALL", "overall", null, r => r.Overall),
        new("RATED_YEAR", "ratedYear", null, r => r.RatedOn.Year),
    ];

    public static IReadOnlyList<MeasureSpec<RatingRow>> RatingMeasures { get; } =
    [
        new("quality", MeasureKind.Whole, r => r.Quality),
        new("delivery", MeasureKind.Whole, r => r.Delivery),
        new("responsiveness", MeasureKind.Whole, r => r.Responsiveness),
        new("innovation", MeasureKind.Whole, r => r.Innovation),
        new("costValue", MeasureKind.Whole, r => r.CostValue),
        new("overall", MeasureKind.Whole, r => r.Overall),
        new("valueWeightedScore", MeasureKind.Floating, r => r.ValueWeightedScore),
    ];

    public static IReadOnlyList<KeySpec<SupplierRow>> SupplierKeys { get; } =
    [
        new("COUNTRY", "country", null, s => s.Country),
        new("STATUS", "status", null, s => s.Status, Shown.EnumName<SupplierStatus>()),
        new("RISK_LEVEL", "riskLevel", null, s => s.RiskLevel, Shown.EnumName<RiskLevel>()),
        new("COMPLIANCE_STATUS", "complianceStatus", null, s => s.ComplianceStatus, Shown.EnumName<ComplianceStatus>()),
        new("IS_DIVERSE", "isDiverse", null, s => s.IsDiverse),
        new("ONBOARDED_YEAR", "onboardedYear", null, s => s.OnboardedOn?.Year),
        new("LAST_AUDIT_YEAR", "lastAuditYear", null, s => s.LastAuditOn?.Year),
    ];

    public static IReadOnlyList<MeasureSpec<SupplierRow>> SupplierMeasures { get; } =
    [
        new("activeContractValue", MeasureKind.Exact, s => s.ActiveContractValue),
    ];

    public static TheoryData<string, string> Each<TRow>(IEnumerable<KeySpec<TRow>> keys)
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { AggregateData.Demo, AggregateData.Random })
        {
            foreach (var key in keys)
            {
                data.Add(set, key.Value);
            }
        }

        return data;
    }

    private static int Quarter(DateOnly day) => day.Year * 10 + (day.Month + 2) / 3;

    private static string QuarterName(object quarter) => $"{(int)quarter / 10}-Q{(int)quarter % 10}";
}
