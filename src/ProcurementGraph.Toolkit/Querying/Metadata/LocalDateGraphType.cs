using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>
/// HotChocolate v15's <c>LocalDate</c> scalar, the one it binds <see cref="DateOnly"/> to: a calendar date, <c>yyyy-MM-dd</c>
/// (GraphQL.NET calls it <c>DateOnly</c>).
/// </summary>
public sealed class LocalDateGraphType : DateOnlyGraphType
{
    public LocalDateGraphType()
    {
        Name = "LocalDate";
        Description = "The `LocalDate` scalar type represents a ISO date string, represented as UTF-8 character sequences YYYY-MM-DD. The scalar follows the specification defined in RFC3339";
    }
}
