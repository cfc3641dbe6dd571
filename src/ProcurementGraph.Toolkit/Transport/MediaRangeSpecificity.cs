using Microsoft.Net.Http.Headers;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>How specifically an <c>Accept</c> media range names a media type (RFC 9110 §12.5.1).</summary>
internal static class MediaRangeSpecificity
{
    public const int NoMatch = -1;

    /// <summary>
    /// 2 when <paramref name="range"/> names <c>{type}/{subType}</c> exactly, 1 for <c>{type}/*</c>, 0 for <c>*/*</c>,
    /// <see cref="NoMatch"/> when it does not match.
    /// </summary>
    public static int Of(MediaTypeHeaderValue range, string type, string subType)
    {
        if (range.MatchesAllTypes)
        {
            return 0;
        }

        if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
        {
            return NoMatch;
        }

        if (range.MatchesAllSubTypes)
        {
            return 1;
        }

        return range.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase) ? 2 : NoMatch;
    }
}
