using GraphQL;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>APQ's request extension: <c>"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "&lt;hex&gt;"}}</c>.</summary>
internal static class PersistedQueryExtension
{
    public const string Name = "persistedQuery";

    /// <summary>Whether <paramref name="extensions"/> carries the extension at all (well-formed or not).</summary>
    public static bool IsPresent(Inputs? extensions) =>
        extensions is not null && extensions.TryGetValue(Name, out var value) && value is not null;

    /// <summary>The extension's hash, or null when it is absent; an error when it is there but malformed.</summary>
    public static GraphQLHttpError? Read(Inputs? extensions, out string? sha256Hash)
    {
        sha256Hash = null;
        if (extensions is null || !extensions.TryGetValue(Name, out var value) || value is null)
        {
            return null;
        }

        if (value is not IDictionary<string, object?> persistedQuery
            || !persistedQuery.TryGetValue("sha256Hash", out var hash) || hash is not string { Length: > 0 } text)
        {
            return GraphQLHttpError.RequestInvalid("The extension `persistedQuery` must be an object with a string `sha256Hash`.");
        }

        if (!persistedQuery.TryGetValue("version", out var version) || !IsOne(version))
        {
            return GraphQLHttpError.RequestInvalid("The extension `persistedQuery` must have `version` 1.");
        }

        sha256Hash = text;
        return null;
    }

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        decimal d => d == 1,
        double f => f == 1,
        System.Numerics.BigInteger b => b.IsOne,
        _ => false,
    };
}
