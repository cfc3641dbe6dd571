namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Internal comments raters leave, chosen by how the rating came out and by its best and worst score.</summary>
internal static class RatingComments
{
    // Indexed like the rating dimensions: quality, delivery, responsiveness, innovation, cost/value.
    private static readonly string[] Praise =
    [
        "Consistently right first time; no quality escapes this period.",
        "Deliveries on time and complete, even during the peak.",
        "Account team answers within hours and escalates proactively.",
        "Brought two improvement ideas we are now piloting.",
        "Pricing competitive and invoices accurate.",
    ];

    private static readonly string[] Complaints =
    [
        "Several non-conformances; we had to sort incoming goods.",
        "Repeated late deliveries disrupted our plans.",
        "Hard to reach; questions stay open for weeks.",
        "Does what is ordered but never suggests anything better.",
        "Price increases without notice; invoices often need correcting.",
    ];

    private static readonly string[] Neutral =
    [
        "Solid overall; no major issues this period.",
        "Meets expectations. Review again after the next quarter.",
        "Acceptable, but we expect more for the price.",
        "Fine for day-to-day needs.",
    ];

    public static string For(int overall, int best, int worst, Bogus.Randomizer random) => overall switch
    {
        >= 4 => Praise[best],
        <= 2 => Complaints[worst],
        _ => random.Bool(0.5f) ? $"Good {Dimension(best)}, weak {Dimension(worst)}." : random.ArrayElement(Neutral),
    };

    private static string Dimension(int index) => index switch
    {
        0 => "quality",
        1 => "delivery",
        2 => "responsiveness",
        3 => "innovation",
        _ => "value for money",
    };
}
