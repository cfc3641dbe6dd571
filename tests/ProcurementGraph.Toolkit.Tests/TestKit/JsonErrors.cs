using System.Text.Json;

namespace ProcurementGraph.Toolkit.Tests.TestKit;

/// <summary>Reading a GraphQL error's JSON.</summary>
internal static class JsonErrors
{
    /// <summary>The error's <c>extensions.code</c>, or null.</summary>
    public static string? Code(this JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;
}
