using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>
/// The raw endpoints' serializer settings: what the graph writes (camelCase names, enums as <c>UPPER_SNAKE</c>, non-ASCII
/// text unescaped as the product's <c>UnsafeRelaxedJsonEscaping</c>, nulls written).
/// </summary>
internal static class RawJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };
}
