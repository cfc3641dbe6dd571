using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Querying;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The partner rule (docs/SECURITY.md), one declaration per entity type of the model, built from the partner's supplier
/// key: its own supplier and what hangs off it; nothing internal. An entity type missing here has no rows for partners
/// (the table fails closed) and <c>PartnerRowRuleDeclarationTests</c> fails until it is declared.
/// </summary>
public static class PartnerRowRules
{
    public static RowRuleTable<int> Table { get; } = new RowRuleTable<int>()
        .Rows<Supplier>(id => s => s.Id == id)
        .Rows<Contract>(id => c => c.SupplierId == id)
        .Rows<Category>(id => c => c.Suppliers.Any(l => l.SupplierId == id) || c.Contracts.Any(k => k.SupplierId == id))
        .Rows<CategorySupplier>(id => l => l.SupplierId == id)

        // Individual ratings are hidden by the field table; the rule keeps aggregates (ratingSummary) to the own supplier.
        .Rows<StakeholderRating>(id => r => r.SupplierId == id)
        .Rows<BusinessUnit>(id => b => b.Contracts.Any(c => c.SupplierId == id))

        // Drivers stay internal by the field table; the rule keeps those the own ratings are weighted by (ratingSummary's
        // averageValueWeightedScore), which a rule of false would turn into 0.
        .Rows<ValueDriver>(id => d => d.BusinessUnit.Ratings.Any(r => r.SupplierId == id))

        // Rollups kept by triggers (Data/Rollups): a supplier's own figures (activeContractValue is shared); the category
        // figures are internal fields.
        .Rows<SupplierRollup>(id => r => r.SupplierId == id)

        // A supplier's own rating totals (its ratingSummary); category totals are the internal Category.ratingSummary's. The
        // contract totals mix every supplier's contracts: a partner's contractsAggregate reads its own contracts instead.
        .Rows<RatingTotal>(id => t => t.SupplierId == id)
        .NoRows<ContractQuarterTotal>()
        .NoRows<CategoryRollup>()
        .NoRows<CategorySupplierReach>()

        // Satisfaction next to savings mixes every supplier's ratings and contracts and shows savings: no row for a partner.
        .NoRows<CategoryPerformance>()
        .NoRows<BusinessUnitPerformance>()
        .NoRows<StrategicGoal>()
        .NoRows<GoalCategory>()

        // Internal records: the audit trail is Admin's (the field table), idempotency keys are never in the graph.
        .NoRows<AuditEntry>()
        .NoRows<IdempotencyRecord>();
}
