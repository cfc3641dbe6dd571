using System.Globalization;

namespace ProcurementGraph.Api.Features.Contracts;

/// <summary>Calendar quarters as grouped (<c>year * 10 + quarter</c>, so they order by time) and shown (<c>2026-Q3</c>).</summary>
public static class Quarters
{
    public static string Format(int yearQuarter) =>
        string.Create(CultureInfo.InvariantCulture, $"{yearQuarter / 10:0000}-Q{yearQuarter % 10}");
}
