using System.Diagnostics;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.Hardening;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.ScaleOut;

/// <summary>Waiting for conditions across replicas, with generous limits (nothing here measures time).</summary>
public static class ReplicaWait
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Polls <c>/health/ready</c> until <paramref name="accept"/> holds; returns the last status code and body.</summary>
    public static async Task<(int Status, JsonNode Body)> ReadyAsync(HttpClient client, Func<JsonNode, bool> accept)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (response, body) = await client.GetJsonAsync("/health/ready");
            if (accept(body) || clock.Elapsed > Patience)
            {
                return ((int)response.StatusCode, body);
            }

            await Task.Delay(100);
        }
    }

    public static bool RedisIs(JsonNode body, string status) => (string?)body["checks"]?["redis"]?["status"] == status;

    /// <summary>
    /// The next <c>next</c> message with data on <paramref name="socket"/>, calling <paramref name="poke"/> (which makes an event)
    /// again each time none came within a while: after Redis comes back, the replica listens again at a moment no client sees.
    /// Error messages in between (interruptions) are collected in <paramref name="skipped"/>.
    /// </summary>
    public static async Task<JsonNode> NextDataAsync(GraphQLWebSocket socket, Func<Task> poke, List<JsonNode>? skipped = null)
    {
        var clock = Stopwatch.StartNew();
        var receive = socket.ReceiveMessageAsync();
        while (clock.Elapsed < Patience)
        {
            await poke();
            await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(2)));
            while (receive.IsCompleted)
            {
                var message = await receive ?? throw new InvalidOperationException($"the socket closed: {socket.CloseStatus} {socket.CloseDescription}");
                if ((string?)message["type"] == "next" && message["payload"]?["data"] is JsonObject)
                {
                    return message;
                }

                skipped?.Add(message);
                receive = socket.ReceiveMessageAsync();
            }
        }

        throw new TimeoutException("no event arrived");
    }
}
