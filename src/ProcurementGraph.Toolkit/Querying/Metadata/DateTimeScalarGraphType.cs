using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>HotChocolate's <c>DateTime</c> scalar (for <see cref="DateTime"/>), with its description.</summary>
public sealed class DateTimeScalarGraphType : DateTimeGraphType
{
    public DateTimeScalarGraphType()
    {
        Name = "DateTime";
        Description = "The `DateTime` scalar represents an ISO-8601 compliant date time type.";
    }
}
