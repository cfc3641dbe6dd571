using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>A root field's value already written as JSON by the compiled path; the serializer copies it into the response.</summary>
[JsonConverter(typeof(CompiledJsonConverter))]
internal sealed class CompiledJson(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    private sealed class CompiledJsonConverter : JsonConverter<CompiledJson>
    {
        public override CompiledJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A compiled result is only written.");

        public override void Write(Utf8JsonWriter writer, CompiledJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
