using GraphQL.Types;

namespace ProcurementGraph.Server.Querying.Metadata;

/// <summary>HotChocolate's <c>Date</c> scalar: a calendar date, <c>yyyy-MM-dd</c> (GraphQL.NET calls it <c>DateOnly</c>).</summary>
public sealed class DateGraphType : DateOnlyGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = "The `Date` scalar represents an ISO-8601 compliant date type.";
    }
}
