using static ProcurementGraph.Api.Data.Entities.GoalStatus;
using static ProcurementGraph.Api.Data.Entities.GoalTheme;
using static ProcurementGraph.Api.Data.Entities.KpiUnit;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Twelve strategic goals, two per theme, with KPIs in every unit and a spread of statuses.</summary>
internal static class GoalCatalog
{
    public static IReadOnlyList<GoalTemplate> Goals { get; } =
    [
        new(CostReduction, "Deliver 5% savings on addressable spend", "Negotiated savings across direct and indirect spend, measured against baseline cost.",
            "Annual savings delivered", Currency, 0m, 12_000_000m, 7_400_000m, Active, 0, 1, ["RM", "LOG", "NRG"]),
        new(CostReduction, "Consolidate tail spend", "Move low-value purchases to fewer, catalogue-enabled suppliers.",
            "Suppliers with less than 10k annual spend", Count, 1_800m, 900m, 1_420m, Missed, -1, 1, ["MRO", "FAC", "PS"]),
        new(RiskMitigation, "Dual-source every strategic category", "No strategic category may depend on a single qualified supplier.",
            "Strategic categories with two or more qualified suppliers", Percent, 55m, 100m, 72m, AtRisk, -1, 2, ["RM", "IT"]),
        new(RiskMitigation, "Reduce exposure to high-risk suppliers", "Shift spend away from suppliers rated HIGH or CRITICAL risk.",
            "Share of spend with high or critical risk suppliers", Percent, 18m, 8m, 12.5m, Active, 0, 2, ["RM", "LOG", "MRO"]),
        new(Innovation, "Co-innovate with strategic partners", "Joint development projects with strategic suppliers.",
            "Joint innovation projects running", Count, 3m, 12m, 7m, Active, 0, 2, ["IT", "PS"]),
        new(Innovation, "Digitise source-to-pay", "Catalogue and e-procurement coverage for indirect spend.",
            "Share of indirect spend through e-catalogues", Percent, 20m, 60m, 38m, Active, -1, 3, ["IT", "MRO"]),
        new(Compliance, "Supplier code of conduct everywhere", "Every active supplier has signed the supplier code of conduct.",
            "Active suppliers who signed the code of conduct", Percent, 64m, 100m, 100m, Achieved, -1, 2, ["PS", "RM", "LOG"]),
        new(Compliance, "Close audit findings on time", "Supplier audit findings are closed quickly and verified.",
            "Average days to close an audit finding", Days, 75m, 30m, 48m, Active, 0, 1, ["MRO", "FAC"]),
        new(Sustainability, "Cut logistics emissions by 30%", "Scope 3 emissions from inbound and outbound freight.",
            "Reduction in logistics CO2e against the base year", Percent, 0m, 30m, 9m, AtRisk, -1, 3, ["LOG", "NRG"]),
        new(Sustainability, "Renewable electricity for all sites", "Renewable PPAs and on-site generation replace grid power.",
            "Share of electricity from renewable sources", Percent, 35m, 80m, 61m, Active, 0, 3, ["NRG", "FAC"]),
        new(StakeholderValue, "Raise internal customer satisfaction", "Business units rate their suppliers higher, weighted by what they value.",
            "Average value-weighted supplier rating", Score, 3.2m, 4.0m, 3.45m, Active, 0, 1, ["IT", "PS", "FAC", "MKT"]),
        new(StakeholderValue, "Faster sourcing for business units", "Shorter time from a business unit's request to a signed contract.",
            "Median days from request to signed contract", Days, 45m, 25m, 45m, Draft, 1, 1, ["PS", "MKT", "IT"]),
    ];
}
