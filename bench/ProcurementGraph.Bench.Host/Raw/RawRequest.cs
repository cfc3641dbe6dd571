namespace ProcurementGraph.Bench.Host.Raw;

/// <summary>The body of a raw request: the variables the matching GraphQL request carries (a cursor, a supplier's global ID).</summary>
internal sealed record RawRequest(string? After, string? Id);
