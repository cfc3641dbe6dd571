using GraphQL.Types;
using ProcurementGraph.Api.Data.Entities;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>The editable fields of a supplier, shared by <c>CreateSupplierInput</c> (required ones non-null) and <c>UpdateSupplierInput</c>.</summary>
internal static class SupplierInputFields
{
    public static void AddSupplierFields(this InputObjectGraphType input, bool create)
    {
        Text(input, "name", create, "The trading name, at most 200 characters.");
        Text(input, "legalName", create, "The registered legal name, at most 200 characters.");
        Text(input, "registrationNumber", create, "The company registration number, at most 32 characters, unique.");
        Text(input, "country", create, "ISO 3166 alpha-2 country code, e.g. `DE`.");
        Text(input, "city", create, "The city of the main office, at most 200 characters.");
        input.Field<StringGraphType>("website").Description("The website, an http(s) URL; null clears it.");
        Text(input, "primaryContactEmail", create, "The primary contact's e-mail address.");
        input.Field<EnumerationGraphType<RiskLevel>>("riskLevel").Description(create ? "Assessed supply risk; default MEDIUM." : "Assessed supply risk.");
        input.Field<EnumerationGraphType<ComplianceStatus>>("complianceStatus").Description(create ? "The compliance review's outcome; default PENDING_REVIEW." : "The compliance review's outcome.");
        input.Field<ProcurementGraph.Toolkit.Querying.Metadata.DateGraphType>("lastAuditOn").Description("The day of the latest audit, not in the future; null clears it.");
        input.Field<BooleanGraphType>("isDiverse").Description(create ? "A diverse business; default false." : "A diverse business.");
    }

    public static void AddContactFields(this InputObjectGraphType input)
    {
        input.Field<StringGraphType>("primaryContactEmail").Description("The primary contact's e-mail address.");
        input.Field<StringGraphType>("website").Description("The website, an http(s) URL; null clears it.");
        input.Field<StringGraphType>("city").Description("The city of the main office, at most 200 characters.");
    }

    private static void Text(InputObjectGraphType input, string name, bool required, string description)
    {
        if (required)
        {
            input.Field<NonNullGraphType<StringGraphType>>(name).Description(description);
        }
        else
        {
            input.Field<StringGraphType>(name).Description(description);
        }
    }
}
