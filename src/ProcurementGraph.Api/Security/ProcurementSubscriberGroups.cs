using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// Subscribers who read the same: the field rules depend on the roles only (<see cref="ProcurementPolicies"/>), the read row
/// rules on whether the caller is a partner and on its supplier (<see cref="CallerRowRules"/>). So the group is the sorted
/// roles, plus the supplier for a partner; subscribers of one group with the same document share each event's read.
/// </summary>
public sealed class ProcurementSubscriberGroups(IOptions<SecurityOptions> options) : ISubscriberGroups
{
    public string? GroupOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var caller = ProcurementCaller.From(user, options.Value);
        var roles = string.Join(',', caller.Roles.Order(StringComparer.Ordinal));
        return caller.IsPartner
            ? string.Create(CultureInfo.InvariantCulture, $"partner:{caller.SupplierId?.ToString(CultureInfo.InvariantCulture) ?? "none"}|{roles}")
            : $"internal|{roles}";
    }
}
