using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Suppliers;

/// <summary>
/// Validates supplier input and applies it: on create every required field, on update only the fields given
/// (a required field given as null is REQUIRED; <c>website</c> and <c>lastAuditOn</c> given as null are cleared).
/// </summary>
internal static class SupplierValues
{
    /// <summary>The changes of <paramref name="input"/> as setters; validation errors are collected in <paramref name="validation"/>.</summary>
    public static List<Action<Supplier>> Read(MutationInput input, InputValidator validation, bool create)
    {
        var changes = new List<Action<Supplier>>();
        bool Needed(string name) => create || input.Has(name);
        Text(input, "name", validation.Text(input, "name", ModelConventions.NameLength, Needed("name")), (s, v) => s.Name = v, changes);
        Text(input, "legalName", validation.Text(input, "legalName", ModelConventions.NameLength, Needed("legalName")), (s, v) => s.LegalName = v, changes);
        Text(input, "registrationNumber", validation.Text(input, "registrationNumber", ModelConventions.CodeLength, Needed("registrationNumber")), (s, v) => s.RegistrationNumber = v, changes);
        Text(input, "country", validation.Country(input, "country", Needed("country")), (s, v) => s.Country = v, changes);
        ReadContact(input, validation, create, changes);
        if (validation.Enum<RiskLevel>(input, "riskLevel", required: false) is { } risk)
        {
            changes.Add(s => s.RiskLevel = risk);
        }

        if (validation.Enum<ComplianceStatus>(input, "complianceStatus", required: false) is { } compliance)
        {
            changes.Add(s => s.ComplianceStatus = compliance);
        }

        if (input.Has("lastAuditOn"))
        {
            var audited = validation.Date(input, "lastAuditOn", required: false);
            if (audited > ReportingDate.Today)
            {
                validation.Invalid(input, "lastAuditOn", ValidationCodes.OutOfRange, "`lastAuditOn` is in the future.");
            }

            changes.Add(s => s.LastAuditOn = audited);
        }

        if (validation.Bool(input, "isDiverse", required: false) is { } diverse)
        {
            changes.Add(s => s.IsDiverse = diverse);
        }

        return changes;
    }

    /// <summary>The contact fields: e-mail (required on create), website (null clears it) and city (required on create).</summary>
    public static void ReadContact(MutationInput input, InputValidator validation, bool create, List<Action<Supplier>> changes)
    {
        Text(input, "city", validation.Text(input, "city", ModelConventions.NameLength, create || input.Has("city")), (s, v) => s.City = v, changes);
        Text(input, "primaryContactEmail", validation.Email(input, "primaryContactEmail", ModelConventions.EmailLength, create || input.Has("primaryContactEmail")), (s, v) => s.PrimaryContactEmail = v, changes);
        if (input.Has("website"))
        {
            var website = validation.Url(input, "website", ModelConventions.NameLength, required: false);
            changes.Add(s => s.Website = website);
        }
    }

    private static void Text(MutationInput input, string name, string? value, Action<Supplier, string> set, List<Action<Supplier>> changes)
    {
        if (input.Has(name) && value is not null)
        {
            changes.Add(s => set(s, value));
        }
    }
}
