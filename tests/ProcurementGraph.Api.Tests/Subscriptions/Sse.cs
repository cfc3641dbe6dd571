using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Subscriptions;

/// <summary>A GraphQL over SSE client (distinct connections mode) on HttpClient's streaming response.</summary>
public sealed class Sse : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private Sse(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public sealed record Event(string Name, JsonNode? Data);

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>POSTs the operation with <c>Accept: text/event-stream</c> and returns once the response headers arrived (it is subscribed).</summary>
    public static async Task<Sse> OpenAsync(HttpClient client, string token, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = new CancellationTokenSource(GraphQLWebSocket.Patience);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return new Sse(response, new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token)));
    }

    /// <summary>Every event until the server ends the stream.</summary>
    public static async Task<(List<Event> Events, HttpResponseMessage Response)> PostAsync(HttpClient client, string token, string query)
    {
        using var stream = await OpenAsync(client, token, query);
        var events = new List<Event>();
        while (await stream.TryReadEventAsync() is { } e)
        {
            events.Add(e);
        }

        return (events, stream._response);
    }

    public async Task<Event> ReadEventAsync() => await TryReadEventAsync() ?? throw new InvalidOperationException("the stream ended");

    public async Task<Event?> TryReadEventAsync()
    {
        using var timeout = new CancellationTokenSource(GraphQLWebSocket.Patience);
        string? name = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    var text = string.Join('\n', data);
                    return new Event(name, text.Length == 0 ? null : JsonNode.Parse(text));
                }

                continue; // a keep-alive comment's end
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }

        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
