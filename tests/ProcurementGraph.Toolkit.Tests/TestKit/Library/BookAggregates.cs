using ProcurementGraph.Toolkit.Querying.Aggregates;

namespace ProcurementGraph.Toolkit.Tests.TestKit.Library;

/// <summary>What books group by and aggregate over: every kind of key (enum, nullable enum, object, nullable object, a path
/// through a nullable reference, transforms, a formatted transform, a transform of a nullable date, a boolean) and measure.</summary>
public static class BookAggregates
{
    public static AggregateDefinition Definition() => new AggregateDefinition("Book")
        .Key("GENRE", "genre", "genre", "The genre.")
        .Key("FORMAT", "format", "format", "The binding; null when unknown.")
        .Key("AUTHOR", "author", "author", "The author.")
        .Key("PUBLISHER", "publisher", "publisher", "The publisher; null for self-published books.")
        .Key("PUBLISHER_COUNTRY", "publisherCountry", "publisher.country", "The publisher's country.")
        .Key<DateOnly, int>("PUBLISHED_YEAR", "publishedYear", "publishedOn", d => d.Year, "The year of publication.")
        .Key<DateOnly, int, string>("PUBLISHED_DECADE", "publishedDecade", "publishedOn", d => d.Year / 10, decade => $"{decade * 10}s",
            "The decade of publication, e.g. `1990s`.")
        .Key<DateOnly, int>("RETIRED_YEAR", "retiredYear", "retiredOn", d => d.Year, "The year it went out of print; null while in print.")
        .Key("IN_PRINT", "inPrint", "inPrint", "Still in print.")
        .Measure("pages")
        .Measure("price")
        .Measure("rating")
        .Measure("edition", AggregateFunctions.AvgMinMax);
}
