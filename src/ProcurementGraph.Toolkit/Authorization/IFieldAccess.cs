using System.Security.Claims;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>
/// Answers "may this caller read field X of type Y", with the same rules the field middleware enforces
/// (see <see cref="FieldAuthorizationRule"/>). A scoped service: results are remembered for the request.
/// The querying toolkit asks it before it filters or sorts on a field, so a <c>where</c> or <c>order</c> on a
/// field the caller may not read can be refused.
/// </summary>
public interface IFieldAccess
{
    /// <summary>The detailed outcome for <paramref name="field"/> of <paramref name="type"/>.</summary>
    ValueTask<FieldAuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field);

    /// <summary>True when <paramref name="user"/> may read <paramref name="field"/> of <paramref name="type"/>.</summary>
    ValueTask<bool> CanReadAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field);

    /// <summary>
    /// True when <paramref name="user"/> may read the field <paramref name="fieldName"/> of the schema's type
    /// <paramref name="typeName"/>; false when the schema has no such type or field.
    /// </summary>
    ValueTask<bool> CanReadAsync(ClaimsPrincipal user, string typeName, string fieldName);
}
