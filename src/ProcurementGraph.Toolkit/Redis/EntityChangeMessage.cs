using System.Text.Json;
using System.Text.Json.Serialization;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Redis;

/// <summary>
/// One publish on the Redis channel: the committed changes of one mutation and the process that made them (which delivered
/// them to its own subscribers already). Short property names keep the message small; field values travel as JSON and are
/// read back with <see cref="EntityChange.Before{T}"/> / <see cref="EntityChange.After{T}"/>.
/// </summary>
internal sealed record EntityChangeMessage(
    [property: JsonPropertyName("r")] string Replica,
    [property: JsonPropertyName("c")] IReadOnlyList<EntityChangeMessage.Change> Changes)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] Serialize(string replica, IReadOnlyList<EntityChange> changes) =>
        JsonSerializer.SerializeToUtf8Bytes(new EntityChangeMessage(replica, [.. changes.Select(Change.From)]), Json);

    public static EntityChangeMessage? Deserialize(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<EntityChangeMessage>(utf8, Json);

    public IReadOnlyList<EntityChange> ToChanges() => [.. Changes.Select(c => c.ToEntityChange())];

    internal sealed record Change(
        [property: JsonPropertyName("t")] string EntityType,
        [property: JsonPropertyName("k")] string Key,
        [property: JsonPropertyName("n")] ChangeKind Kind,
        [property: JsonPropertyName("f")] IReadOnlyDictionary<string, object?[]> Fields,
        [property: JsonPropertyName("o")] string Operation,
        [property: JsonPropertyName("at")] DateTimeOffset CommittedAt)
    {
        public static Change From(EntityChange change) => new(change.EntityType, change.Key, change.Kind,
            change.Fields.ToDictionary(f => f.Key, f => new[] { f.Value.Before, f.Value.After }, StringComparer.Ordinal),
            change.Operation, change.CommittedAt);

        public EntityChange ToEntityChange() => new(EntityType, Key, Kind,
            Fields.ToDictionary(f => f.Key, f => new FieldChange(f.Value.ElementAtOrDefault(0), f.Value.ElementAtOrDefault(1)), StringComparer.Ordinal),
            Operation, CommittedAt);
    }
}
