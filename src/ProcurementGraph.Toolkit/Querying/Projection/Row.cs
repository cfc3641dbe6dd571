using GraphQL;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>One projected entity: the values loaded for exactly the selected fields, read by position.</summary>
public sealed class Row(RowShape shape, object?[] values)
{
    public RowShape Shape { get; } = shape;

    public object?[] Values { get; } = values;

    /// <summary>The resolver of every entity field: reads its slot.</summary>
    public static object? ResolveField(IResolveFieldContext context) =>
        context.Source is Row row ? row.Shape.Read(row.Values, context) : null;
}
