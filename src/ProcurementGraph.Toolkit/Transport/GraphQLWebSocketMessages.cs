using System.Buffers;
using System.Text;
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

    /// <summary>
    /// The start of an operation's <c>next</c> messages, <c>{"id":…,"type":"next","payload":</c>, written once per operation:
    /// a result shared by subscribers (serialized once) then costs one copy per message, prefix + payload + <c>}</c>.
    /// </summary>
    public static byte[] NextPrefixOf(string id)
    {
        var whole = Write(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", Next);
            writer.WritePropertyName("payload");
            writer.WriteNullValue();
        });
        return whole.AsSpan(0, whole.Length - "null}".Length).ToArray();
    }

    /// <summary><c>{"id":…,"type":"next","payload":&lt;the result&gt;}</c> after the operation's <paramref name="prefix"/> (<see cref="NextPrefixOf"/>).</summary>
    public static byte[] NextOf(byte[] prefix, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        ReadOnlySpan<byte> payload = result is SharedEventResult shared ? shared.Payload.Span : Encoding.UTF8.GetBytes(serializer.Serialize(result));
        var message = new byte[prefix.Length + payload.Length + 1];
        prefix.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(prefix.Length));
        message[^1] = (byte)'}';
        return message;
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
