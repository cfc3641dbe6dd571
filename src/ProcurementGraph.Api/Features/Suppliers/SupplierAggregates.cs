using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>What suppliers group by and aggregate over (<c>suppliersAggregate</c>).</summary>
public static class SupplierAggregates
{
    public static AggregateDefinition Definition() => new AggregateDefinition("Supplier")
        .Key("COUNTRY", "country", "country", "The suppliers' country (ISO 3166 alpha-2).")
        .Key("STATUS", "status", "status", "The life-cycle stage of the relationship.")
        .Key("RISK_LEVEL", "riskLevel", "riskLevel", "The assessed supply risk.")
        .Key("COMPLIANCE_STATUS", "complianceStatus", "complianceStatus", "The outcome of the latest compliance review.")
        .Key("IS_DIVERSE", "isDiverse", "isDiverse", "Whether the suppliers are diverse businesses.")
        .Key<DateOnly, int>("ONBOARDED_YEAR", "onboardedYear", "onboardedOn", d => d.Year, "The year the suppliers were onboarded; null for those never onboarded.")
        .Key<DateOnly, int>("LAST_AUDIT_YEAR", "lastAuditYear", "lastAuditOn", d => d.Year, "The year of the suppliers' latest audit; null for those never audited.")
        .Measure("activeContractValue");
}
