using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The access table (docs/SECURITY.md): for every field of every type, who may read it. Applied to the schema at startup
/// (<see cref="ApplyTo"/>, through <see cref="AccessRulesSchemaVisitor"/>) as a policy on each field, which the field
/// authorization middleware enforces. Field rules only; which ROWS a partner sees is the row rules' job.
/// <list type="bullet">
/// <item><c>AnyCaller</c>: any authenticated caller. <c>Shared</c>: internal roles and partners.
/// <c>Internal</c>: Reader, Editor, Admin, Rater. <c>Admin</c>: Admin only (sensitive).</item>
/// <item>Connection and edge types (<c>XConnection</c>, <c>XEdge</c>) and <c>PageInfo</c> are structure: AnyCaller.</item>
/// <item>A field with no row here is Internal (readers yes, partners no; Admin only on <c>Mutation</c> and
/// <c>Subscription</c>) and listed by <see cref="FieldsWithoutRule"/>, which a test keeps empty: every new field
/// needs a conscious row.</item>
/// </list>
/// </summary>
public static class AccessRules
{
    /// <summary>The access of a field that has no rule.</summary>
    public const ReadAccess Default = ReadAccess.Internal;

    /// <summary>The access of a <c>Mutation</c> or <c>Subscription</c> field that has no rule: Admin, never readers.</summary>
    public const ReadAccess OperationDefault = ReadAccess.Admin;

    private const ReadAccess AnyCaller = ReadAccess.AnyCaller;
    private const ReadAccess Shared = ReadAccess.Shared;
    private const ReadAccess Internal = ReadAccess.Internal;
    private const ReadAccess Admin = ReadAccess.Admin;
    private const ReadAccess Editor = ReadAccess.Editor;
    private const ReadAccess Rater = ReadAccess.Rater;
    private const ReadAccess Partner = ReadAccess.Partner;

    public static IReadOnlyList<FieldRule> Table { get; } =
    [
        // type                     field                        who may read
        new("Query",                "me",                        AnyCaller),
        new("Query",                "node",                      Shared),
        new("Query",                "nodes",                     Shared),
        new("Query",                "suppliers",                 Shared),
        new("Query",                "contracts",                 Shared),
        new("Query",                "categories",                Shared),
        new("Query",                "strategicGoals",            Internal),
        new("Query",                "businessUnits",             Internal),
        new("Query",                "stakeholderRatings",        Internal),
        new("Query",                "supplier",                  Shared),
        new("Query",                "contract",                  Shared),
        new("Query",                "category",                  Shared),
        new("Query",                "strategicGoal",             Internal),
        new("Query",                "businessUnit",              Internal),

        // Aggregates (issue 16): the list's rows for the list's callers. The fields of the generated aggregate types carry the
        // fields they read (AggregateTypes.SourcesOf) and get their access: no aggregate over a field the caller may not read.
        new("Query",                "contractsAggregate",        Shared),
        new("Query",                "suppliersAggregate",        Shared),
        new("Query",                "ratingsAggregate",          Internal),

        // Satisfaction next to savings (issue 16 item 3): internal figures (savings are negotiation data, scores come from
        // individual ratings, units are internal customers); a partner gets neither the fields nor, by the row rules, any row.
        new("Query",                "categoryPerformance",       Internal),
        new("Query",                "businessUnitPerformance",   Internal),

        // Writes (issue 13): who may call each mutation; the row rules decide which rows.
        new("Mutation",             "submitRating",              Rater),
        new("Mutation",             "submitRatings",             Rater),
        new("Mutation",             "updateRating",              Rater),
        new("Mutation",             "withdrawRating",            Rater),
        new("Mutation",             "createSupplier",            Editor),
        new("Mutation",             "updateSupplier",            Editor),
        new("Mutation",             "changeSupplierStatus",      Editor),
        new("Mutation",             "updateMySupplierContact",   Partner),
        new("Mutation",             "updateContract",            Editor),
        new("Mutation",             "changeContractStatus",      Editor),
        new("Mutation",             "createContract",            Editor),
        new("Mutation",             "renewContract",             Editor),
        new("Mutation",             "createStrategicGoal",       Editor),
        new("Mutation",             "updateStrategicGoal",       Editor),
        new("Mutation",             "recordGoalProgress",        Editor),
        new("Mutation",             "linkGoalToCategory",        Editor),
        new("Mutation",             "unlinkGoalFromCategory",    Editor),
        new("Mutation",             "createCategory",            Editor),
        new("Mutation",             "updateCategory",            Editor),
        new("Mutation",             "moveCategory",              Editor),
        new("Mutation",             "linkSupplierToCategory",    Editor),
        new("Mutation",             "unlinkSupplierFromCategory", Editor),
        new("Mutation",             "setValueDrivers",           Admin),
        new("Mutation",             "deleteSupplier",            Admin),
        new("Mutation",             "deleteContract",            Admin),
        new("Mutation",             "deleteCategory",            Admin),

        // Live updates (issue 15): who may subscribe; the row rules decide which events reach whom (a partner: its own
        // supplier's), and the entity's own fields keep their rules in every event.
        new("Subscription",         "onRatingSubmitted",         Internal),
        new("Subscription",         "onContractStatusChanged",   Shared),
        new("Subscription",         "onSupplierChanged",         Shared),
        new("Subscription",         "onGoalProgressRecorded",    Internal),
        new("RatingSubmittedEvent", "stakeholderRating",         Internal),
        new("RatingSubmittedEvent", "action",                    Internal),
        new("RatingSubmittedEvent", "changedFields",             Internal),
        new("RatingSubmittedEvent", "changedAt",                 Internal),
        new("ContractStatusChangedEvent", "contract",            Shared),
        new("ContractStatusChangedEvent", "previousStatus",      Shared),
        new("ContractStatusChangedEvent", "changedAt",           Shared),
        new("SupplierChangedEvent", "supplier",                  Shared),
        new("SupplierChangedEvent", "action",                    Shared),
        new("SupplierChangedEvent", "changedFields",             Shared),
        new("SupplierChangedEvent", "previousStatus",            Shared),
        new("SupplierChangedEvent", "changedAt",                 Shared),
        new("GoalProgressRecordedEvent", "strategicGoal",        Internal),
        new("GoalProgressRecordedEvent", "previousCurrent",      Internal),
        new("GoalProgressRecordedEvent", "changedAt",            Internal),

        new("Query",                "auditEntries",              Admin),
        new("AuditEntry",           "changedAt",                 Admin),
        new("AuditEntry",           "subject",                   Admin),
        new("AuditEntry",           "subjectName",               Admin),
        new("AuditEntry",           "roles",                     Admin),
        new("AuditEntry",           "operation",                 Admin),
        new("AuditEntry",           "entityType",                Admin),
        new("AuditEntry",           "entityKey",                 Admin),
        new("AuditEntry",           "entityId",                  Admin),
        new("AuditEntry",           "action",                    Admin),
        new("AuditEntry",           "changes",                   Admin),

        new("Me",                   "name",                      AnyCaller),
        new("Me",                   "roles",                     AnyCaller),
        new("Me",                   "supplierId",                AnyCaller),
        new("Me",                   "businessUnit",              AnyCaller),
        new("Me",                   "isPartner",                 AnyCaller),
        new("Me",                   "isDevelopmentIdentity",     AnyCaller),

        new("Node",                 "id",                        Shared),

        new("Supplier",             "version",                   Shared),
        new("Supplier",             "id",                        Shared),
        new("Supplier",             "name",                      Shared),
        new("Supplier",             "legalName",                 Shared),
        new("Supplier",             "registrationNumber",        Admin),
        new("Supplier",             "country",                   Shared),
        new("Supplier",             "city",                      Shared),
        new("Supplier",             "website",                   Shared),
        new("Supplier",             "primaryContactEmail",       Shared),
        new("Supplier",             "status",                    Shared),
        new("Supplier",             "riskLevel",                 Shared),
        new("Supplier",             "complianceStatus",          Shared),
        new("Supplier",             "lastAuditOn",               Shared),
        new("Supplier",             "isDiverse",                 Shared),
        new("Supplier",             "onboardedOn",               Shared),
        new("Supplier",             "categories",                Shared),
        new("Supplier",             "contracts",                 Shared),
        new("Supplier",             "ratings",                   Internal),
        new("Supplier",             "activeContractValue",       Shared),
        new("Supplier",             "ratingSummary",             Shared),
        new("Supplier",             "history",                   Admin),

        new("Contract",             "version",                   Shared),
        new("Contract",             "id",                        Shared),
        new("Contract",             "number",                    Shared),
        new("Contract",             "title",                     Shared),
        new("Contract",             "supplier",                  Shared),
        new("Contract",             "category",                  Shared),
        new("Contract",             "owner",                     Shared),
        new("Contract",             "status",                    Shared),
        new("Contract",             "startDate",                 Shared),
        new("Contract",             "endDate",                   Shared),
        new("Contract",             "signedOn",                  Shared),
        new("Contract",             "autoRenew",                 Shared),
        new("Contract",             "noticePeriodDays",          Shared),
        new("Contract",             "paymentTermsDays",          Shared),
        new("Contract",             "totalValue",                Shared),
        new("Contract",             "annualValue",               Shared),
        new("Contract",             "baselineAnnualCost",        Internal),
        new("Contract",             "originalCurrency",          Shared),
        new("Contract",             "originalTotalValue",        Shared),
        new("Contract",             "ratings",                   Internal),
        new("Contract",             "annualSavings",             Internal),
        new("Contract",             "savingsPercent",            Internal),
        new("Contract",             "daysToExpiry",              Shared),
        new("Contract",             "isExpiringSoon",            Shared),
        new("Contract",             "history",                   Admin),

        new("Category",             "version",                   Internal),
        new("Category",             "id",                        Shared),
        new("Category",             "code",                      Shared),
        new("Category",             "name",                      Shared),
        new("Category",             "description",               Shared),
        new("Category",             "managerName",               Shared),
        new("Category",             "managerEmail",              Shared),
        new("Category",             "parent",                    Internal),
        new("Category",             "children",                  Internal),
        new("Category",             "level",                     Internal),
        new("Category",             "annualSpend",               Internal),
        new("Category",             "strategy",                  Internal),
        new("Category",             "suppliers",                 Internal),
        new("Category",             "contracts",                 Internal),
        new("Category",             "goals",                     Internal),
        new("Category",             "contractedSpend",           Internal),
        new("Category",             "contractCoverage",          Internal),
        new("Category",             "supplierCount",             Internal),
        new("Category",             "ratingSummary",             Internal),
        new("Category",             "ratings",                   Internal),
        new("Category",             "history",                   Admin),

        new("SupplierCategoryLink", "category",                  Shared),
        new("SupplierCategoryLink", "isPreferred",               Internal),
        new("SupplierCategoryLink", "since",                     Internal),

        new("CategorySupplierLink", "supplier",                  Internal),
        new("CategorySupplierLink", "isPreferred",               Internal),
        new("CategorySupplierLink", "since",                     Internal),

        new("CategoryGoalLink",     "goal",                      Internal),
        new("CategoryGoalLink",     "weight",                    Internal),

        new("RatingSummary",        "count",                     Shared),
        new("RatingSummary",        "averageOverall",            Shared),
        new("RatingSummary",        "averageQuality",            Shared),
        new("RatingSummary",        "averageDelivery",           Shared),
        new("RatingSummary",        "averageResponsiveness",     Shared),
        new("RatingSummary",        "averageInnovation",         Shared),
        new("RatingSummary",        "averageCostValue",          Shared),
        new("RatingSummary",        "averageValueWeightedScore", Shared),
        new("RatingSummary",        "lastRatedOn",               Shared),

        new("BusinessUnit",         "id",                        Internal),
        new("BusinessUnit",         "version",                   Internal),
        new("BusinessUnit",         "code",                      Internal),
        new("BusinessUnit",         "name",                      Shared),
        new("BusinessUnit",         "region",                    Internal),
        new("BusinessUnit",         "headName",                  Internal),
        new("BusinessUnit",         "valueDrivers",              Internal),
        new("BusinessUnit",         "contracts",                 Internal),
        new("BusinessUnit",         "ratings",                   Internal),

        new("ValueDriver",          "driver",                    Internal),
        new("ValueDriver",          "weight",                    Internal),
        new("ValueDriver",          "position",                  Internal),

        new("StrategicGoal",        "version",                   Internal),
        new("StrategicGoal",        "id",                        Internal),
        new("StrategicGoal",        "code",                      Internal),
        new("StrategicGoal",        "title",                     Internal),
        new("StrategicGoal",        "description",               Internal),
        new("StrategicGoal",        "theme",                     Internal),
        new("StrategicGoal",        "ownerName",                 Internal),
        new("StrategicGoal",        "ownerEmail",                Internal),
        new("StrategicGoal",        "periodStart",               Internal),
        new("StrategicGoal",        "periodEnd",                 Internal),
        new("StrategicGoal",        "status",                    Internal),
        new("StrategicGoal",        "kpiName",                   Internal),
        new("StrategicGoal",        "kpiUnit",                   Internal),
        new("StrategicGoal",        "baseline",                  Internal),
        new("StrategicGoal",        "target",                    Internal),
        new("StrategicGoal",        "current",                   Internal),
        new("StrategicGoal",        "categories",                Internal),
        new("StrategicGoal",        "progress",                  Internal),
        new("StrategicGoal",        "history",                   Admin),

        new("GoalCategoryLink",     "category",                  Internal),
        new("GoalCategoryLink",     "weight",                    Internal),

        new("StakeholderRating",    "version",                   Internal),
        new("StakeholderRating",    "id",                        Internal),
        new("StakeholderRating",    "supplier",                  Internal),
        new("StakeholderRating",    "businessUnit",              Internal),
        new("StakeholderRating",    "category",                  Internal),
        new("StakeholderRating",    "contract",                  Internal),
        new("StakeholderRating",    "raterName",                 Admin),
        new("StakeholderRating",    "raterEmail",                Admin),
        new("StakeholderRating",    "ratedOn",                   Internal),
        new("StakeholderRating",    "period",                    Internal),
        new("StakeholderRating",    "quality",                   Internal),
        new("StakeholderRating",    "delivery",                  Internal),
        new("StakeholderRating",    "responsiveness",            Internal),
        new("StakeholderRating",    "innovation",                Internal),
        new("StakeholderRating",    "costValue",                 Internal),
        new("StakeholderRating",    "overall",                   Internal),
        new("StakeholderRating",    "comment",                   Internal),
        new("StakeholderRating",    "valueWeightedScore",        Internal),
        new("StakeholderRating",    "history",                   Admin),

        new("CategoryPerformance",      "category",                  Internal),
        new("CategoryPerformance",      "period",                    Internal),
        new("CategoryPerformance",      "ratingCount",               Internal),
        new("CategoryPerformance",      "valueWeightedScore",        Internal),
        new("CategoryPerformance",      "previousValueWeightedScore", Internal),
        new("CategoryPerformance",      "scoreTrend",                Internal),
        new("CategoryPerformance",      "contractCount",             Internal),
        new("CategoryPerformance",      "annualSavings",             Internal),
        new("CategoryPerformance",      "savingsPercent",            Internal),
        new("CategoryPerformance",      "valueGap",                  Internal),

        new("BusinessUnitPerformance",  "businessUnit",              Internal),
        new("BusinessUnitPerformance",  "period",                    Internal),
        new("BusinessUnitPerformance",  "ratingCount",               Internal),
        new("BusinessUnitPerformance",  "valueWeightedScore",        Internal),
        new("BusinessUnitPerformance",  "previousValueWeightedScore", Internal),
        new("BusinessUnitPerformance",  "scoreTrend",                Internal),
        new("BusinessUnitPerformance",  "contractCount",             Internal),
        new("BusinessUnitPerformance",  "annualSavings",             Internal),
        new("BusinessUnitPerformance",  "savingsPercent",            Internal),
        new("BusinessUnitPerformance",  "valueGap",                  Internal),
    ];

    private static readonly Dictionary<(string Type, string Field), ReadAccess> ByField =
        Table.ToDictionary(r => (r.Type, r.Field), r => r.Access);

    /// <summary>
    /// The access of <paramref name="field"/> of <paramref name="type"/>: its row; for a field of a generated aggregate type
    /// (a key, a sum, ...), the narrowest access of the fields it reads (AnyCaller for group structure, which reads none);
    /// null when no rule applies.
    /// </summary>
    public static ReadAccess? Find(IComplexGraphType type, FieldType field) =>
        Find(type.Name, field.Name)
        ?? (AggregateTypes.SourcesOf(field) is { } sources
            ? sources.Count == 0 ? AnyCaller : sources.Max(s => Find(s.TypeName, s.FieldName) ?? DefaultFor(s.TypeName))
            : null);

    /// <summary>The table's access for a field; structure types answer AnyCaller; null when no rule applies.</summary>
    public static ReadAccess? Find(string typeName, string fieldName) =>
        ByField.TryGetValue((typeName, fieldName), out var access) ? access
        : IsStructure(typeName) ? AnyCaller
        : null;

    /// <summary>
    /// Paging structure, whose visibility follows the field that returns it and the nodes' own fields; likewise a mutation's
    /// payload and error types (<c>XPayload</c>, <c>Error</c>, <c>XError</c>): the mutation field carries the rule.
    /// </summary>
    public static bool IsStructure(string typeName) =>
        typeName is "PageInfo" or "Error"
        || (typeName.Length > "Payload".Length && typeName.EndsWith("Payload", StringComparison.Ordinal))
        || (typeName.Length > "Error".Length && typeName.EndsWith("Error", StringComparison.Ordinal))
        || (typeName.Length > "Connection".Length && typeName.EndsWith("Connection", StringComparison.Ordinal))
        || (typeName.Length > "Edge".Length && typeName.EndsWith("Edge", StringComparison.Ordinal));

    /// <summary>The access of an unruled field of <paramref name="typeName"/>: <see cref="OperationDefault"/> for writes, else <see cref="Default"/>.</summary>
    public static ReadAccess DefaultFor(string typeName) => typeName is "Mutation" or "Subscription" ? OperationDefault : Default;

    /// <summary>Sets each field's policy from the table (unruled fields get <see cref="DefaultFor"/>); returns the unruled fields.</summary>
    public static IReadOnlyList<string> ApplyTo(ISchema schema)
    {
        var unruled = new List<string>();
        foreach (var (type, field) in Fields(schema))
        {
            if (!Apply(type, field))
            {
                unruled.Add($"{type.Name}.{field.Name}");
            }
        }

        return unruled;
    }

    /// <summary>Sets <paramref name="field"/>'s policy; false when the table has no rule for it (it gets <see cref="DefaultFor"/>).</summary>
    public static bool Apply(IComplexGraphType type, FieldType field)
    {
        var access = Find(type, field);
        field.AuthorizeWithPolicy(ProcurementPolicies.For(access ?? DefaultFor(type.Name)));
        return access is not null;
    }

    /// <summary>Fields of the schema without a rule (as <c>Type.field</c>).</summary>
    public static IReadOnlyList<string> FieldsWithoutRule(ISchema schema) =>
        [.. Fields(schema).Where(f => Find(f.Type, f.Field) is null).Select(f => $"{f.Type.Name}.{f.Field.Name}")];

    /// <summary>Rules naming a field that a type of the schema does not have (typos, renamed fields); root types are not checked.</summary>
    public static IReadOnlyList<string> RulesWithoutField(ISchema schema)
    {
        schema.Initialize();
        var roots = new[] { schema.Query?.Name, schema.Mutation?.Name, schema.Subscription?.Name };
        return [.. Table
            .Where(r => !roots.Contains(r.Type) && schema.AllTypes[r.Type] is IComplexGraphType type && !type.HasField(r.Field))
            .Select(r => $"{r.Type}.{r.Field}")];
    }

    /// <summary>
    /// Non-null fields that some caller who may read other fields of the type is denied (as <c>Type.field</c>): the
    /// denial nulls the parent object, not just the field. Such fields should be nullable in the schema.
    /// </summary>
    public static IReadOnlyList<string> DeniableNonNullFields(ISchema schema) => DeniableNonNullFields(Fields(schema));

    /// <inheritdoc cref="DeniableNonNullFields(ISchema)"/>
    public static IReadOnlyList<string> DeniableNonNullFields(IEnumerable<(IComplexGraphType Type, FieldType Field)> fields) =>
        [.. DeniableNonNull(fields).Select(f => $"{f.Type.Name}.{f.Field.Name}")];

    /// <inheritdoc cref="DeniableNonNullFields(ISchema)"/>
    public static IEnumerable<(IComplexGraphType Type, FieldType Field)> DeniableNonNull(IEnumerable<(IComplexGraphType Type, FieldType Field)> fields) =>
        fields
            .GroupBy(f => f.Type)
            .SelectMany(type =>
            {
                var widest = type.Min(f => Find(type.Key, f.Field) ?? DefaultFor(type.Key.Name));
                return type.Where(f => f.Field.ResolvedType is NonNullGraphType && (Find(type.Key, f.Field) ?? DefaultFor(type.Key.Name)) > widest);
            });

    /// <summary>Every field of every object and interface type of the schema, introspection types excluded.</summary>
    public static IEnumerable<(IComplexGraphType Type, FieldType Field)> Fields(ISchema schema)
    {
        schema.Initialize();
        return schema.AllTypes
            .OfType<IComplexGraphType>()
            .Where(t => t is IObjectGraphType or IInterfaceGraphType && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Select(f => (t, f)));
    }
}
