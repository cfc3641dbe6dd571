using System.Globalization;
using System.Text.Json;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>
/// One committed change of one row, as a mutation's transaction wrote it (and the audit trail recorded it): the GraphQL type,
/// the key, what happened, each changed field before and after, the mutation and when it committed. What the event bus
/// carries: plain values, so a shared backplane can serialize it (field values may then arrive as JSON; read them with
/// <see cref="Before{T}"/> and <see cref="After{T}"/>).
/// </summary>
public sealed record EntityChange(
    string EntityType,
    string Key,
    ChangeKind Kind,
    IReadOnlyDictionary<string, FieldChange> Fields,
    string Operation,
    DateTimeOffset CommittedAt)
{
    /// <summary>Whether the write changed <paramref name="field"/> (its camelCased property name, e.g. <c>status</c>).</summary>
    public bool Changed(string field) => Fields.ContainsKey(field);

    /// <summary>The field's value before the write (default when it did not change or was not set).</summary>
    public T? Before<T>(string field) => Fields.TryGetValue(field, out var change) ? Convert<T>(change.Before) : default;

    /// <summary>The field's value after the write (default when it did not change).</summary>
    public T? After<T>(string field) => Fields.TryGetValue(field, out var change) ? Convert<T>(change.After) : default;

    private static T? Convert<T>(object? value)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return value switch
        {
            null => default,
            T typed => typed,
            JsonElement json => json.ValueKind is JsonValueKind.Null ? default
                : type.IsEnum && json.ValueKind == JsonValueKind.String ? (T)Enum.Parse(type, json.GetString()!, ignoreCase: true)
                : json.Deserialize<T>(),
            string text when type.IsEnum => (T)Enum.Parse(type, text, ignoreCase: true),
            _ when type.IsEnum => (T)Enum.ToObject(type, value),
            _ => (T)System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
        };
    }
}
