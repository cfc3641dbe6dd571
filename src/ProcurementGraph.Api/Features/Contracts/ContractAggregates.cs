using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>What contracts group by and aggregate over (<c>contractsAggregate</c>).</summary>
public static class ContractAggregates
{
    public static AggregateDefinition Definition() => new AggregateDefinition("Contract")
        .Key("CATEGORY", "category", "category", "The (leaf) category the contracts are filed in.")
        .Key("OWNER", "owner", "owner", "The business unit that uses the contracts.")
        .Key("SUPPLIER", "supplier", "supplier", "The supplier the contracts are with.")
        .Key("STATUS", "status", "status", "The contracts' life-cycle stage.")
        .Key("SUPPLIER_COUNTRY", "supplierCountry", "supplier.country", "The supplier's country (ISO 3166 alpha-2).")
        .Key("SUPPLIER_RISK_LEVEL", "supplierRiskLevel", "supplier.riskLevel", "The supplier's assessed supply risk.")
        .Key("CURRENCY", "originalCurrency", "originalCurrency", "The currency the contracts were signed in.")
        .Key("AUTO_RENEW", "autoRenew", "autoRenew", "Whether the contracts renew themselves.")
        .Key<DateOnly, int>("START_YEAR", "startYear", "startDate", d => d.Year, "The year the contracts start.")
        // Grouped by the stored column (same value as the END_QUARTER transform), covered by an index with the category.
        .StoredKey<Contract, int, string>("START_QUARTER", "startQuarter", "startDate", c => c.StartQuarter, Quarters.Format,
            "The calendar quarter the contracts start, as `2026-Q3` (the format of ratings' periods); ordered by time.")
        .Key<DateOnly, int>("END_YEAR", "endYear", "endDate", d => d.Year, "The year the contracts end.")
        .Key<DateOnly, int, string>("END_QUARTER", "endQuarter", "endDate", d => d.Year * 10 + (d.Month + 2) / 3, Quarters.Format,
            "The calendar quarter the contracts end, as `2026-Q3`; ordered by time.")
        // Money over the whole cents the database keeps: exact, and native integer sums on SQLite (ContractConfiguration).
        .MeasureInUnits<Contract>("annualValue", c => c.AnnualValueCents, scale: 2)
        .MeasureInUnits<Contract>("annualSavings", c => c.AnnualSavingsCents, scale: 2)
        .MeasureInUnits<Contract>("totalValue", c => c.TotalValueCents, scale: 2)
        .MeasureInUnits<Contract>("baselineAnnualCost", c => c.BaselineAnnualCostCents, scale: 2)
        .Measure("savingsPercent", AggregateFunctions.AvgMinMax)
        .Measure("noticePeriodDays", AggregateFunctions.AvgMinMax)
        .Measure("paymentTermsDays", AggregateFunctions.AvgMinMax)
        // Grouped by category and/or start quarter over every contract (no where, no having, no row rule: internal callers),
        // counts, sums and averages of the annual value and savings come from the trigger-kept per (category, start quarter)
        // totals (Data/Rollups/AnalyticsRollupSql.cs): ~1,900 rows instead of 400,000 contracts on the large seed, the same figures.
        .RolledUpIn(new AggregateRollup<ContractQuarterTotal>(t => t.ContractCount)
            .Key("category", t => t.CategoryId)
            .Key("startQuarter", t => t.StartQuarter)
            .Sum("annualValue", t => t.AnnualValueCents)
            .Sum("annualSavings", t => t.AnnualSavingsCents));
}
