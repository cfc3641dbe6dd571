using System.Text.RegularExpressions;
using ProcurementGraph.Api.Data.Configurations;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Categories;

/// <summary>
/// Validates category input and applies it: on create every required field, on update only the fields given
/// (a required field given as null is REQUIRED; <c>description</c> given as null is cleared).
/// </summary>
internal static partial class CategoryValues
{
    /// <summary>The changes of <paramref name="input"/> as setters; validation errors are collected in <paramref name="validation"/>.</summary>
    public static List<Action<Category>> Read(MutationInput input, InputValidator validation, bool create)
    {
        var changes = new List<Action<Category>>();
        bool Needed(string name) => create || input.Has(name);
        Text(input, "name", validation.Text(input, "name", ModelConventions.NameLength, Needed("name")), (c, v) => c.Name = v, changes);
        Text(input, "managerName", validation.Text(input, "managerName", ModelConventions.NameLength, Needed("managerName")), (c, v) => c.ManagerName = v, changes);
        Text(input, "managerEmail", validation.Email(input, "managerEmail", ModelConventions.EmailLength, Needed("managerEmail")), (c, v) => c.ManagerEmail = v, changes);
        if (input.Has("description"))
        {
            var description = validation.Text(input, "description", ModelConventions.TextLength, required: false);
            changes.Add(c => c.Description = description);
        }

        if (validation.Number(input, "annualSpend", precision: 18, scale: 2, min: 0, required: false) is { } spend)
        {
            changes.Add(c => c.AnnualSpend = spend);
        }

        if (validation.Enum<CategoryStrategy>(input, "strategy", required: false) is { } strategy)
        {
            changes.Add(c => c.Strategy = strategy);
        }

        return changes;
    }

    /// <summary>The code in upper case when it is a dotted path of 1..3 segments that fits the column, else null (with an error).</summary>
    public static string? Code(MutationInput input, InputValidator validation)
    {
        var code = validation.Text(input, "code", ModelConventions.CodeLength, required: true)?.ToUpperInvariant();
        if (code is not null && !Path().IsMatch(code))
        {
            validation.Invalid(input, "code", ValidationCodes.InvalidFormat, "`code` is a dotted path of 1 to 3 segments of A-Z, 0-9 and `_`, e.g. `IT.SW.SAAS`.");
            return null;
        }

        return code;
    }

    [GeneratedRegex(@"^[A-Z0-9_]+(\.[A-Z0-9_]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Path();

    private static void Text(MutationInput input, string name, string? value, Action<Category, string> set, List<Action<Category>> changes)
    {
        if (input.Has(name) && value is not null)
        {
            changes.Add(c => set(c, value));
        }
    }
}
