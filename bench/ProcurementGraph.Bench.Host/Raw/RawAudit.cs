using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Security;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// The audit rows the raw writes add, as the product's audit trail records them: who (subject, name, roles from the
/// token), when, the operation, the entity and key, and each changed field before and after as JSON.
/// </summary>
internal sealed class RawAudit
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] SubjectClaims = ["oid", "sub", "azp", "appid"];

    private readonly string _subject;
    private readonly string? _name;
    private readonly string _roles;
    private readonly string _operation;
    private readonly DateTime _now = DateTime.UtcNow;

    private RawAudit(string subject, string? name, string roles, string operation) =>
        (_subject, _name, _roles, _operation) = (subject, name, roles, operation);

    public static RawAudit Of(ClaimsPrincipal user, SecurityOptions security, string operation)
    {
        var caller = ProcurementCaller.From(user, security);
        var subject = SubjectClaims.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? caller.Name ?? "unknown";
        return new RawAudit(subject, caller.Name, string.Join(",", caller.Roles), operation);
    }

    public AuditEntry Created(string entityType, int key, Dictionary<string, object?> values) =>
        Entry(entityType, key, AuditAction.Created, values.ToDictionary(v => v.Key, v => new Change(null, v.Value)));

    public AuditEntry Updated(string entityType, int key, Dictionary<string, Change> changes) =>
        Entry(entityType, key, AuditAction.Updated, changes);

    private AuditEntry Entry(string entityType, int key, AuditAction action, Dictionary<string, Change> changes) => new()
    {
        ChangedAt = _now,
        Subject = _subject,
        SubjectName = _name,
        Roles = _roles,
        Operation = _operation,
        EntityType = entityType,
        EntityKey = key.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Action = action,
        Changes = JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new { before = c.Value.Before, after = c.Value.After }), Json),
    };

    public sealed record Change(object? Before, object? After);
}
