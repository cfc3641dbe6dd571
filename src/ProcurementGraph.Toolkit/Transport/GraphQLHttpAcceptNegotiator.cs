using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>Chooses the response media type from the request's <c>Accept</c> header (RFC 9110 §12.5.1, q-values honoured).</summary>
internal static class GraphQLHttpAcceptNegotiator
{
    private const int NoMatch = MediaRangeSpecificity.NoMatch;

    /// <summary>
    /// Returns <see langword="false"/> when the header cannot be parsed. Otherwise returns <see langword="true"/> with
    /// the chosen media type, or <see langword="null"/> when the header allows neither media type (406).
    /// </summary>
    public static bool TryNegotiate(StringValues accept, GraphQLResponseMediaType fallback, out GraphQLResponseMediaType? selected)
    {
        selected = fallback;
        if (StringValues.IsNullOrEmpty(accept))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseStrictList(accept, out var ranges))
        {
            selected = null;
            return false;
        }

        if (ranges.Count == 0)
        {
            return true;
        }

        var graphQLResponse = Match(ranges, "graphql-response+json");
        var json = Match(ranges, "json");
        var graphQLResponseAcceptable = graphQLResponse.Specificity != NoMatch && graphQLResponse.Quality > 0;
        var jsonAcceptable = json.Specificity != NoMatch && json.Quality > 0;

        if (!graphQLResponseAcceptable && !jsonAcceptable)
        {
            selected = null;
        }
        else if (!jsonAcceptable)
        {
            selected = GraphQLResponseMediaType.GraphQLResponseJson;
        }
        else if (!graphQLResponseAcceptable)
        {
            selected = GraphQLResponseMediaType.Json;
        }
        else if (graphQLResponse.Quality != json.Quality)
        {
            selected = graphQLResponse.Quality > json.Quality ? GraphQLResponseMediaType.GraphQLResponseJson : GraphQLResponseMediaType.Json;
        }
        else if (graphQLResponse.Specificity != json.Specificity)
        {
            selected = graphQLResponse.Specificity > json.Specificity ? GraphQLResponseMediaType.GraphQLResponseJson : GraphQLResponseMediaType.Json;
        }

        return true;
    }

    /// <summary>
    /// Finds the most specific range matching <c>application/{subType}</c> (0 = <c>*/*</c>, 1 = <c>application/*</c>,
    /// 2 = exact) and returns its quality, as RFC 9110 prescribes.
    /// </summary>
    private static (int Specificity, double Quality) Match(IList<MediaTypeHeaderValue> ranges, string subType)
    {
        var best = (Specificity: NoMatch, Quality: 0d);
        foreach (var range in ranges)
        {
            var specificity = MediaRangeSpecificity.Of(range, "application", subType);
            if (specificity == NoMatch)
            {
                continue;
            }

            if (range.Charset.HasValue && !IsUtf8(range.Charset))
            {
                continue; // the response is always UTF-8
            }

            if (specificity > best.Specificity)
            {
                best = (specificity, range.Quality ?? 1d);
            }
        }

        return best;
    }

    private static bool IsUtf8(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("\"utf-8\"", StringComparison.OrdinalIgnoreCase);
}
