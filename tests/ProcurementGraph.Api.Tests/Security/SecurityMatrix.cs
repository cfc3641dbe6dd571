namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// docs/SECURITY.md's read rules restated for the tests, independently of the access table: who may read a field.
/// Internal roles read all but the sensitive fields; Admin reads everything; a partner reads an allow-list;
/// a caller without a role reads only <c>me</c> and paging structure.
/// </summary>
public static class SecurityMatrix
{
    public const string NoRole = "(no role)";

    public static readonly string[] Roles = ["Procurement.Reader", "Procurement.Editor", "Procurement.Admin", "Stakeholder.Rater", "Partner", NoRole];

    private static readonly HashSet<string> Sensitive = ["Supplier.registrationNumber", "StakeholderRating.raterName", "StakeholderRating.raterEmail", "Query.auditEntries"];

    /// <summary>Types only Admin reads: the audit trail.</summary>
    private static readonly HashSet<string> AdminTypes = ["AuditEntry"];

    /// <summary>Fields only Admin reads on every type that has them: an object's audit trail.</summary>
    private static readonly HashSet<string> AdminFields = ["history"];

    /// <summary>Issue 13's table: who may call each mutation (Admin may do everything an Editor may).</summary>
    private static readonly Dictionary<string, string[]> MutationCallers = new()
    {
        ["submitRating"] = ["Stakeholder.Rater", "Procurement.Admin"],
        ["submitRatings"] = ["Stakeholder.Rater", "Procurement.Admin"],
        ["updateRating"] = ["Stakeholder.Rater", "Procurement.Admin"],
        ["withdrawRating"] = ["Stakeholder.Rater", "Procurement.Admin"],
        ["createSupplier"] = ["Procurement.Editor", "Procurement.Admin"],
        ["updateSupplier"] = ["Procurement.Editor", "Procurement.Admin"],
        ["changeSupplierStatus"] = ["Procurement.Editor", "Procurement.Admin"],
        ["updateMySupplierContact"] = ["Partner"],
        ["createCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["updateCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["moveCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["linkSupplierToCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["unlinkSupplierFromCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["createContract"] = ["Procurement.Editor", "Procurement.Admin"],
        ["updateContract"] = ["Procurement.Editor", "Procurement.Admin"],
        ["changeContractStatus"] = ["Procurement.Editor", "Procurement.Admin"],
        ["renewContract"] = ["Procurement.Editor", "Procurement.Admin"],
        ["createStrategicGoal"] = ["Procurement.Editor", "Procurement.Admin"],
        ["updateStrategicGoal"] = ["Procurement.Editor", "Procurement.Admin"],
        ["recordGoalProgress"] = ["Procurement.Editor", "Procurement.Admin"],
        ["linkGoalToCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["unlinkGoalFromCategory"] = ["Procurement.Editor", "Procurement.Admin"],
        ["setValueDrivers"] = ["Procurement.Admin"],
        ["deleteSupplier"] = ["Procurement.Admin"],
        ["deleteContract"] = ["Procurement.Admin"],
        ["deleteCategory"] = ["Procurement.Admin"],
    };

    /// <summary>Types a partner reads every field of, except those listed.</summary>
    private static readonly Dictionary<string, HashSet<string>> PartnerTypesExcept = new()
    {
        ["Supplier"] = ["registrationNumber", "ratings"],
        ["Contract"] = ["baselineAnnualCost", "annualSavings", "savingsPercent", "ratings"],
        ["RatingSummary"] = [],
        ["Node"] = [],

        // Issue 15: the live updates of what a partner reads (its own contracts and supplier; the row rules narrow them).
        ["ContractStatusChangedEvent"] = [],
        ["SupplierChangedEvent"] = [],
    };

    /// <summary>Types a partner reads only the listed fields of.</summary>
    private static readonly Dictionary<string, HashSet<string>> PartnerTypesOnly = new()
    {
        ["Query"] = ["me", "node", "nodes", "suppliers", "supplier", "contracts", "contract", "categories", "category", "contractsAggregate", "suppliersAggregate"],
        ["Category"] = ["id", "code", "name", "description", "managerName", "managerEmail"],
        ["BusinessUnit"] = ["name"],
        ["SupplierCategoryLink"] = ["category"],
        ["Subscription"] = ["onContractStatusChanged", "onSupplierChanged"],
    };

    /// <summary>The value and key types of aggregates: <c>{Entity}Aggregate{Part}</c>.</summary>
    private static readonly string[] AggregateParts = ["Key", "Sum", "Avg", "Min", "Max", "CountDistinct"];

    /// <summary>
    /// What the fields of aggregate key and value types read (docs/SECURITY.md: aggregates follow the field rules): the entity's field
    /// of the same name, unless listed here.
    /// </summary>
    private static readonly Dictionary<string, string[]> AggregateSources = new()
    {
        ["Contract.supplierCountry"] = ["Contract.supplier", "Supplier.country"],
        ["Contract.supplierRiskLevel"] = ["Contract.supplier", "Supplier.riskLevel"],
        ["Contract.startYear"] = ["Contract.startDate"],
        ["Contract.startQuarter"] = ["Contract.startDate"],
        ["Contract.endYear"] = ["Contract.endDate"],
        ["Contract.endQuarter"] = ["Contract.endDate"],
        ["StakeholderRating.supplierCountry"] = ["StakeholderRating.supplier", "Supplier.country"],
        ["StakeholderRating.ratedYear"] = ["StakeholderRating.ratedOn"],
        ["Supplier.onboardedYear"] = ["Supplier.onboardedOn"],
        ["Supplier.lastAuditYear"] = ["Supplier.lastAuditOn"],
    };

    public static bool MayRead(string role, string type, string field)
    {
        if (IsForAnyCaller(type, field))
        {
            return true;
        }

        if (AggregatedEntity(type) is { } entity)
        {
            return AggregateSources.GetValueOrDefault($"{entity}.{field}", [$"{entity}.{field}"])
                .All(source => MayRead(role, source.Split('.')[0], source.Split('.')[1]));
        }

        if (type == "Mutation")
        {
            return MutationCallers.TryGetValue(field, out var callers) && callers.Contains(role);
        }

        if (AdminTypes.Contains(type) || AdminFields.Contains(field))
        {
            return role == "Procurement.Admin";
        }

        return role switch
        {
            "Procurement.Admin" => true,
            "Procurement.Reader" or "Procurement.Editor" or "Stakeholder.Rater" => !Sensitive.Contains($"{type}.{field}"),
            "Partner" => PartnerTypesExcept.TryGetValue(type, out var except) ? !except.Contains(field)
                : PartnerTypesOnly.TryGetValue(type, out var only) && only.Contains(field),
            _ => false,
        };
    }

    private static string? AggregatedEntity(string type) =>
        AggregateParts.Where(part => type.EndsWith("Aggregate" + part, StringComparison.Ordinal))
            .Select(part => type[..^("Aggregate" + part).Length])
            .FirstOrDefault(entity => entity.Length > 0);

    private static bool IsForAnyCaller(string type, string field) =>
        type is "Me" or "PageInfo" or "Error"
        || (type.EndsWith("Aggregate", StringComparison.Ordinal) && type != "Aggregate") // a group: key, count, sum { ... } carry the rules
        || type.EndsWith("Payload", StringComparison.Ordinal) || (type.EndsWith("Error", StringComparison.Ordinal) && type != "Error")
        || (type == "Query" && field == "me")
        || (type.EndsWith("Connection", StringComparison.Ordinal) && type != "Connection")
        || (type.EndsWith("Edge", StringComparison.Ordinal) && type != "Edge");
}
