using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// The ASP.NET Core authorization policies of the API: one per <see cref="ReadAccess"/> level (set on the schema's
/// fields by <see cref="AccessRules"/>), and <see cref="ApiAccess"/> for the endpoint. A caller holding the
/// <c>Partner</c> role is a partner, whatever other roles the token carries (the safer reading).
/// </summary>
public static class ProcurementPolicies
{
    /// <summary>The endpoint's gate: a delegated token with the required scope, or an app token (roles, no scope).</summary>
    public const string ApiAccess = "Procurement.ApiAccess";

    public const string ReadAnyCaller = "Procurement.Read.AnyCaller";
    public const string ReadShared = "Procurement.Read.Shared";
    public const string ReadInternal = "Procurement.Read.Internal";
    public const string ReadAdmin = "Procurement.Read.Admin";
    public const string WriteEditor = "Procurement.Write.Editor";
    public const string WriteRater = "Procurement.Write.Rater";
    public const string WritePartner = "Procurement.Write.Partner";

    /// <summary>The delegated scope claim, as Entra writes it and as JwtBearer's inbound mapping renames it.</summary>
    private static readonly string[] ScopeClaimTypes = ["scp", "http://schemas.microsoft.com/identity/claims/scope"];

    /// <summary>The policy that enforces <paramref name="access"/>.</summary>
    public static string For(ReadAccess access) => access switch
    {
        ReadAccess.AnyCaller => ReadAnyCaller,
        ReadAccess.Shared => ReadShared,
        ReadAccess.Internal => ReadInternal,
        ReadAccess.Admin => ReadAdmin,
        ReadAccess.Editor => WriteEditor,
        ReadAccess.Rater => WriteRater,
        ReadAccess.Partner => WritePartner,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    public static void Register(AuthorizationOptions options, string requiredScope)
    {
        options.AddPolicy(ApiAccess, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasApiAccess(c.User, requiredScope)));
        options.AddPolicy(ReadAnyCaller, p => p.RequireAuthenticatedUser());
        options.AddPolicy(ReadShared, p => p.RequireAuthenticatedUser().RequireRole(ProcurementRoles.All));
        options.AddPolicy(ReadInternal, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsInternal(c.User)));
        options.AddPolicy(ReadAdmin, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsInRole(ProcurementRoles.Admin) && !c.User.IsInRole(ProcurementRoles.Partner)));
        options.AddPolicy(WriteEditor, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsInternalIn(c.User, ProcurementRoles.Editor, ProcurementRoles.Admin)));
        options.AddPolicy(WriteRater, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsInternalIn(c.User, ProcurementRoles.Rater, ProcurementRoles.Admin)));
        options.AddPolicy(WritePartner, p => p.RequireAuthenticatedUser().RequireRole(ProcurementRoles.Partner));
    }

    private static bool IsInternalIn(ClaimsPrincipal user, params string[] roles) =>
        !user.IsInRole(ProcurementRoles.Partner) && roles.Any(user.IsInRole);

    private static bool IsInternal(ClaimsPrincipal user) =>
        !user.IsInRole(ProcurementRoles.Partner) && ProcurementRoles.Internal.Any(user.IsInRole);

    /// <summary>A delegated token (it has a scope claim) must grant <paramref name="requiredScope"/>; an app token must carry a role.</summary>
    private static bool HasApiAccess(ClaimsPrincipal user, string requiredScope)
    {
        var scopes = user.Claims.Where(c => ScopeClaimTypes.Contains(c.Type)).ToList();
        if (scopes.Count > 0)
        {
            return scopes.Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(requiredScope, StringComparer.Ordinal));
        }

        return user.Identities.Any(i => i.IsAuthenticated && i.HasClaim(c => c.Type == i.RoleClaimType));
    }
}
