namespace ProcurementGraph.Api.Tests.Security;

/// <summary>
/// SECURITY.md's read rules restated for the tests, independently of the access table: who may read a field.
/// Internal roles read all but the sensitive fields; Admin reads everything; a partner reads an allow-list;
/// a caller without a role reads only <c>me</c> and paging structure.
/// </summary>
public static class SecurityMatrix
{
    public const string NoRole = "(no role)";

    public static readonly string[] Roles = ["Procurement.Reader", "Procurement.Editor", "Procurement.Admin", "Stakeholder.Rater", "Partner", NoRole];

    private static readonly HashSet<string> Sensitive = ["Supplier.registrationNumber", "StakeholderRating.raterName", "StakeholderRating.raterEmail"];

    /// <summary>Types a partner reads every field of, except those listed.</summary>
    private static readonly Dictionary<string, HashSet<string>> PartnerTypesExcept = new()
    {
        ["Supplier"] = ["registrationNumber", "ratings"],
        ["Contract"] = ["baselineAnnualCost", "annualSavings", "savingsPercent", "ratings"],
        ["RatingSummary"] = [],
        ["Node"] = [],
    };

    /// <summary>Types a partner reads only the listed fields of.</summary>
    private static readonly Dictionary<string, HashSet<string>> PartnerTypesOnly = new()
    {
        ["Query"] = ["me", "node", "nodes", "suppliers", "supplier", "contracts", "contract", "categories", "category"],
        ["Category"] = ["id", "code", "name", "description", "managerName", "managerEmail"],
        ["BusinessUnit"] = ["name"],
        ["SupplierCategoryLink"] = ["category"],
    };

    public static bool MayRead(string role, string type, string field)
    {
        if (IsForAnyCaller(type, field))
        {
            return true;
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

    private static bool IsForAnyCaller(string type, string field) =>
        type is "Me" or "PageInfo"
        || (type == "Query" && field == "me")
        || (type.EndsWith("Connection", StringComparison.Ordinal) && type != "Connection")
        || (type.EndsWith("Edge", StringComparison.Ordinal) && type != "Edge");
}
