using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>
/// HotChocolate's older <c>Date</c> scalar (<c>yyyy-MM-dd</c>), still one of its built-in scalars in v15. No field of ours
/// uses it (v15 binds <see cref="DateOnly"/> to <c>LocalDate</c>); the schema carries it like HotChocolate's does.
/// </summary>
public sealed class DateGraphType : DateOnlyGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = "The `Date` scalar represents an ISO-8601 compliant date type.";
    }
}
