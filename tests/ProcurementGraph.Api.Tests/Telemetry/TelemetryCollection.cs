namespace ProcurementGraph.Api.Tests.Telemetry;

/// <summary>
/// Spans and metrics are listened to process-wide: the telemetry tests run alone, so no other test's requests are counted
/// in theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
