using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProcurementGraph.Api.Tests.TestKit;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Aggregates;

/// <summary>A grouping key as the tests see it: its <c>groupBy</c> value, its key field, and its value computed from an oracle row.</summary>
/// <param name="Value">The enum value.</param>
/// <param name="Field">The field of the key type.</param>
/// <param name="ObjectType">The type of an object key (selected as <c>{ id }</c>), else null.</param>
/// <param name="Of">The grouped value of a row (an enum's ordinal, an object's key, a year, a text), for grouping and ordering.</param>
/// <param name="Shown">The key field's JSON value for a grouped value (an enum's name, a formatted quarter); null: as grouped.</param>
public sealed record KeySpec<TRow>(string Value, string Field, string? ObjectType, Func<TRow, object?> Of, Func<object, object>? Shown = null)
{
    /// <summary>The selection of the key field.</summary>
    public string Selection => ObjectType is null ? Field : Field + " { id }";

    /// <summary>The key field's value read from a response's key object, as the oracle shows it.</summary>
    public object? Read(JsonNode? key)
    {
        var value = key?[Field];
        if (value is null)
        {
            return null;
        }

        return ObjectType is not null
            ? GlobalId.TryDecode((string)value["id"]!, out _, out var id) ? int.Parse(id, CultureInfo.InvariantCulture) : throw new FormatException()
            : value.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => (string)value!,
                System.Text.Json.JsonValueKind.Number => (int)value!,
                _ => (bool)value!,
            };
    }

    public object? Show(object? grouped) => grouped is null ? null : Shown is null ? grouped : Shown(grouped);
}

/// <summary>Key values as GraphQL shows them.</summary>
public static partial class Shown
{
    /// <summary>GraphQL's name of an enum value (<c>PendingReview</c> → <c>PENDING_REVIEW</c>).</summary>
    public static Func<object, object> EnumName<TEnum>()
        where TEnum : struct, Enum => ordinal => Words().Replace(Enum.GetName(typeof(TEnum), ordinal)!, "$1_$2").ToUpperInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Words();
}

/// <summary>How a measure's values are kept: exact decimals, whole numbers, or floating point.</summary>
public enum MeasureKind
{
    Exact,
    Whole,
    Floating,
}

/// <summary>A measure as the tests see it: its field, its kind, its value computed from an oracle row, and whether it has a sum.</summary>
public sealed record MeasureSpec<TRow>(string Field, MeasureKind Kind, Func<TRow, object?> Of, bool HasSum = true);

/// <summary>
/// Reads every group of one key through HTTP (paging with cursors) and compares each group's count, sums, averages,
/// extremes and distinct counts with the same figures computed over the oracle rows; the groups come in key order.
/// </summary>
public static class AggregateChecks
{
    public static async Task<int> AssertEveryGroupAsync<TRow>(
        HttpClient client, string field, KeySpec<TRow> key, IReadOnlyList<KeySpec<TRow>> keys, IReadOnlyList<MeasureSpec<TRow>> measures, IReadOnlyList<TRow> rows)
    {
        var sums = string.Join(' ', measures.Where(m => m.HasSum).Select(m => m.Field));
        var others = string.Join(' ', measures.Select(m => m.Field));
        var query = $$"""
            query Groups($after: String) {
              {{field}}(groupBy: [{{key.Value}}], first: 400, after: $after) {
                nodes {
                  key { {{key.Selection}} }
                  count
                  sum { {{sums}} } avg { {{others}} } min { {{others}} } max { {{others}} }
                  countDistinct { {{string.Join(' ', keys.Select(k => k.Field))}} }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var nodes = new List<JsonNode>();
        string? after = null;
        var pages = 0;
        do
        {
            var (_, body) = await client.PostGraphQLAsync(query, new { after });
            Assert.True(body["errors"] is null, body.ToJsonString());
            var connection = body["data"]![field]!;
            nodes.AddRange(connection["nodes"]!.AsArray().Select(n => n!));
            after = (bool)connection["pageInfo"]!["hasNextPage"]! ? (string?)connection["pageInfo"]!["endCursor"] : null;
            pages++;
        }
        while (after is not null);

        var expected = rows.GroupBy(key.Of).OrderBy(g => g.Key, KeyOrder.Instance).ToList();
        Assert.Equal(expected.Select(g => key.Show(g.Key)), nodes.Select(n => key.Read(n["key"])));
        foreach (var (node, group) in nodes.Zip(expected))
        {
            var label = $"{field} {key.Value}={group.Key}";
            Assert.True(group.Count() == (int)node["count"]!, $"{label}: count");
            foreach (var measure in measures)
            {
                AssertMeasure(label, node, measure, [.. group]);
            }

            foreach (var distinct in keys)
            {
                Assert.True(group.Select(distinct.Of).OfType<object>().Distinct().Count() == (int)node["countDistinct"]![distinct.Field]!,
                    $"{label}: countDistinct {distinct.Field}");
            }
        }

        return pages;
    }

    private static void AssertMeasure<TRow>(string label, JsonNode node, MeasureSpec<TRow> measure, List<TRow> rows)
    {
        var values = rows.Select(measure.Of).OfType<object>().ToList();
        var name = measure.Field;
        switch (measure.Kind)
        {
            case MeasureKind.Exact:
                var decimals = values.Cast<decimal>().ToList();
                Exact(label + " sum " + name, decimals.Sum(), node["sum"]?[name]);
                Exact(label + " min " + name, decimals.Count == 0 ? null : decimals.Min(), node["min"]![name]);
                Exact(label + " max " + name, decimals.Count == 0 ? null : decimals.Max(), node["max"]![name]);
                break;
            case MeasureKind.Whole:
                var integers = values.Cast<int>().ToList();
                if (measure.HasSum)
                {
                    Assert.True(integers.Sum(v => (long)v) == (long)node["sum"]![name]!, $"{label} sum {name}");
                }

                Assert.True((integers.Count == 0 ? null : integers.Min()) == (int?)node["min"]![name], $"{label} min {name}");
                Assert.True((integers.Count == 0 ? null : integers.Max()) == (int?)node["max"]![name], $"{label} max {name}");
                break;
            default:
                var doubles = values.Cast<double>().ToList();
                if (measure.HasSum)
                {
                    Close(label + " sum " + name, doubles.Sum(), node["sum"]![name]);
                }

                Close(label + " min " + name, doubles.Count == 0 ? null : doubles.Min(), node["min"]![name]);
                Close(label + " max " + name, doubles.Count == 0 ? null : doubles.Max(), node["max"]![name]);
                break;
        }

        var average = values.Count == 0 ? (double?)null : values.Average(v => Convert.ToDouble(v, CultureInfo.InvariantCulture));
        Close(label + " avg " + name, average, node["avg"]![name]);
    }

    /// <summary>Decimal aggregates are exact: the JSON number read as a decimal equals the oracle's decimal arithmetic.</summary>
    private static void Exact(string label, decimal? expected, JsonNode? actual) =>
        Assert.True(expected == (actual is null ? null : decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)),
            $"{label}: expected {expected}, got {actual?.ToJsonString() ?? "null"}");

    /// <summary>Floating-point aggregates equal the oracle's up to the order of summation (relative 1e-9).</summary>
    private static void Close(string label, double? expected, JsonNode? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{label}: expected {expected}, got {actual?.ToJsonString() ?? "null"}");
            return;
        }

        var value = (double)actual;
        Assert.True(Math.Abs(expected.Value - value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)), $"{label}: expected {expected}, got {value}");
    }

    /// <summary>SQL's order of grouped values: nulls first, text case-insensitively (the NOCASE columns), the rest by value.</summary>
    private sealed class KeyOrder : IComparer<object?>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => StringComparer.OrdinalIgnoreCase.Compare(a, b),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }
}
