namespace ProcurementGraph.Api.Graph;

/// <summary>
/// "Today" for date-relative fields (days to expiry, expiring soon): the request's date, or the configured
/// <c>Reporting:Today</c> (demos and tests). Read inside query expressions, so EF Core sends it as a parameter.
/// </summary>
public static class ReportingDate
{
    private static readonly AsyncLocal<DateOnly?> Current = new();

    public static DateOnly Today => Current.Value ?? DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Sets today's date for the rest of the current request.</summary>
    public static void Set(DateOnly today) => Current.Value = today;
}
