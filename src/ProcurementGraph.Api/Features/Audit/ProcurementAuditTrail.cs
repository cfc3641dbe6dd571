using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Data.Entities;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Audit;

/// <summary>Records every change of a mutation as <see cref="AuditEntry"/> rows: who (from the token), when, what, before and after.</summary>
public sealed class ProcurementAuditTrail(IOptions<SecurityOptions> options, TimeProvider time) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] SubjectClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", "azp", "appid"];

    public bool Audits(Type entityType) => entityType != typeof(AuditEntry) && entityType != typeof(IdempotencyRecord);

    public void Add(DbContext db, MutationContext mutation, IReadOnlyList<AuditedChange> changes)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentNullException.ThrowIfNull(changes);
        var user = mutation.User;
        var caller = ProcurementCaller.From(user, options.Value);
        var subject = SubjectClaims.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? caller.Name ?? "unknown";
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var change in changes)
        {
            db.Add(new AuditEntry
            {
                ChangedAt = now,
                Subject = Truncate(subject, 200),
                SubjectName = caller.Name is { } name ? Truncate(name, 200) : null,
                Roles = Truncate(string.Join(",", caller.Roles), 2000),
                Operation = mutation.Operation,
                EntityType = change.EntityType,
                EntityKey = change.Key,
                EntityKeyNumber = change.KeyValues is [int number] ? number : null,
                Action = change.Kind switch { ChangeKind.Created => AuditAction.Created, ChangeKind.Deleted => AuditAction.Deleted, _ => AuditAction.Updated },
                Changes = JsonSerializer.Serialize(change.Fields.ToDictionary(f => f.Key, f => new { before = f.Value.Before, after = f.Value.After }), Json),
            });
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
