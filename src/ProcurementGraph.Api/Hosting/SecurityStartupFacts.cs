namespace ProcurementGraph.Api.Hosting;

/// <summary>Which ways in the registration switched on, for the checks and warnings at start.</summary>
public sealed record SecurityStartupFacts(bool Entra, bool DevelopmentIdentity, bool DevelopmentTokens);
