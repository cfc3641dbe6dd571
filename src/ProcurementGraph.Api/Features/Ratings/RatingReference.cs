namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>One visible row a rating may refer to, read for a whole batch in one statement (<see cref="RatingReferences"/>).</summary>
internal sealed class RatingReference
{
    public const int BusinessUnit = 0;
    public const int Supplier = 1;
    public const int Category = 2;
    public const int Contract = 3;

    public int Kind { get; set; }

    public int Id { get; set; }

    /// <summary>A business unit's code.</summary>
    public string? Code { get; set; }

    /// <summary>A contract's supplier.</summary>
    public int Owner { get; set; }
}
