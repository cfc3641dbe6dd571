using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Toolkit.Ide;

/// <summary>Whether an <c>Accept</c> header prefers HTML to the GraphQL response media types (RFC 9110 §12.5.1 q-values).</summary>
internal static class GraphQLIdeAcceptPreference
{
    /// <summary>
    /// True when <c>text/html</c> is named (as <c>text/html</c> or <c>text/*</c>) with a higher quality than the best
    /// of <c>application/graphql-response+json</c> and <c>application/json</c>. A browser's
    /// <c>text/html,...,*/*;q=0.8</c> prefers HTML; <c>*/*</c>, no header, or an API client's JSON types do not.
    /// </summary>
    public static bool PrefersHtml(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        var html = Quality(ranges, "text", "html", requireNamedType: true);
        var graphQL = Math.Max(
            Quality(ranges, "application", "graphql-response+json", requireNamedType: false),
            Quality(ranges, "application", "json", requireNamedType: false));
        return html > 0 && html > graphQL;
    }

    /// <summary>The quality of the most specific range matching <c>{type}/{subType}</c> (0 when none does).</summary>
    private static double Quality(IList<MediaTypeHeaderValue> ranges, string type, string subType, bool requireNamedType)
    {
        var best = (Specificity: -1, Quality: 0d);
        foreach (var range in ranges)
        {
            var specificity = MediaRangeSpecificity.Of(range, type, subType);
            if (specificity == MediaRangeSpecificity.NoMatch || (specificity == 0 && requireNamedType))
            {
                continue;
            }

            if (specificity > best.Specificity)
            {
                best = (specificity, range.Quality ?? 1d);
            }
        }

        return best.Quality;
    }
}
