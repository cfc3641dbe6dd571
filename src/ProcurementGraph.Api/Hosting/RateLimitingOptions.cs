namespace ProcurementGraph.Api.Hosting;

/// <summary>The <c>RateLimiting</c> configuration section: a fixed window per caller (see <see cref="RateLimitingRegistration"/>).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one caller may start per window.</summary>
    public int PermitLimit { get; set; } = 1000;

    /// <summary>Length of the window in seconds.</summary>
    public double WindowSeconds { get; set; } = 1;

    /// <summary>Requests of a caller over the limit that wait for the next window (oldest first) before the caller gets 429.</summary>
    public int QueueLimit { get; set; } = 100;
}
