using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>
/// What reading one field of one type requires, gathered from GraphQL.NET's authorization metadata
/// (<c>Authorize()</c>, <c>AuthorizeWithPolicy</c>, <c>AuthorizeWithRoles</c>, <c>AllowAnonymous()</c>) on the schema,
/// the type and the field. Everything applies together (AND): every policy must pass, and for every element that
/// lists roles the caller must be in one of them. <c>AllowAnonymous()</c> on the field drops the schema's and the
/// type's requirements, keeping only the field's own.
/// </summary>
public sealed record FieldAuthorizationRule(bool RequiresAuthentication, IReadOnlyList<string> Policies, IReadOnlyList<IReadOnlyList<string>> RoleSets)
{
    private static readonly ConditionalWeakTable<ISchema, ConcurrentDictionary<(IMetadataReader Type, FieldType Field), FieldAuthorizationRule?>> Known = [];

    /// <summary>
    /// <see cref="For"/> for a field of an initialized schema, whose metadata no longer changes: gathered once per schema, type
    /// and field, not once per request.
    /// </summary>
    public static FieldAuthorizationRule? Fixed(ISchema schema, IMetadataReader type, FieldType field) =>
        Known.GetValue(schema, static _ => new()).GetOrAdd((type, field), static (key, schema) => For(schema, key.Type, key.Field), schema);

    /// <summary>The rule for <paramref name="field"/> of <paramref name="type"/>, or null when nothing is required.</summary>
    public static FieldAuthorizationRule? For(ISchema? schema, IMetadataReader type, FieldType field)
    {
        var anonymous = field.IsAnonymousAllowed();
        IMetadataReader?[] elements = anonymous ? [field] : [schema, type, field];
        var required = false;
        List<string>? policies = null;
        List<IReadOnlyList<string>>? roleSets = null;
        foreach (var element in elements)
        {
            if (element is null || !element.IsAuthorizationRequired())
            {
                continue;
            }

            required = true;
            if (element.GetPolicies() is { Count: > 0 } elementPolicies)
            {
                policies ??= [];
                policies.AddRange(elementPolicies.Where(p => !policies.Contains(p, StringComparer.Ordinal)));
            }

            if (element.GetRoles() is { Count: > 0 } roles)
            {
                (roleSets ??= []).Add([.. roles]);
            }
        }

        return required ? new FieldAuthorizationRule(true, policies ?? [], roleSets ?? []) : null;
    }
}
