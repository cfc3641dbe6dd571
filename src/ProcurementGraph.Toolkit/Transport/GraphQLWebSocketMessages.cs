using System.Buffers;
using System.Text.Json;
using GraphQL;
using ProcurementGraph.Toolkit.Subscriptions;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>The messages of the <c>graphql-transport-ws</c> protocol (graphql-ws's, https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), written as UTF-8 JSON.</summary>
internal static class GraphQLWebSocketMessages
{
    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    public static byte[] Of(string type, string? id = null) => Write(writer =>
    {
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("type", type);
    });

    /// <summary><c>{"id":…,"type":"next","payload":&lt;the result&gt;}</c>; a result shared by subscribers is serialized already.</summary>
    public static byte[] NextOf(string id, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        if (result is SharedEventResult shared)
        {
            return Write(writer =>
            {
                writer.WriteString("id", id);
                writer.WriteString("type", Next);
                writer.WritePropertyName("payload");
                writer.WriteRawValue(shared.Payload.Span, skipInputValidation: true);
            });
        }

        var payload = serializer.Serialize(result);
        return Write(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", Next);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payload, skipInputValidation: true);
        });
    }

    /// <summary><c>{"id":…,"type":"error","payload":[&lt;GraphQL errors&gt;]}</c>, the errors formatted as in any response.</summary>
    public static byte[] ErrorOf(string id, IGraphQLTextSerializer serializer, ExecutionErrors errors)
    {
        using var result = JsonDocument.Parse(serializer.Serialize(new ExecutionResult { Errors = errors }));
        var list = result.RootElement.TryGetProperty("errors", out var e) ? e.GetRawText() : "[]";
        return Write(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", Error);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(list, skipInputValidation: true);
        });
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
