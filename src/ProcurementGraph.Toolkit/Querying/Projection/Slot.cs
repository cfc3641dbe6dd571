using GraphQL;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Selection;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>Where one selected field's value sits in a row, and how to turn it into the field's result.</summary>
public sealed class Slot(int index, QueryField field)
{
    public int Index { get; } = index;

    public QueryField Field { get; } = field;

    /// <summary>The shape of the related rows (relations only).</summary>
    public RowShape? Child { get; set; }

    /// <summary>The requested window of a nested connection.</summary>
    public PageWindow? Window { get; set; }

    /// <summary>Set while the value waits for a batch statement (a relation under a paged nested list).</summary>
    public FieldSelection? Deferred { get; set; }

    public object? Read(object? value, IResolveFieldContext context) => Field.Kind switch
    {
        QueryFieldKind.Value => Field.Format is null ? value : Field.Format(value, context),
        QueryFieldKind.Reference => value is object?[] values ? new Row(Child!, values) : null,
        QueryFieldKind.List => value is List<object?[]> rows ? rows.ConvertAll(row => new Row(Child!, row)) : [],
        _ => value is object?[] page ? Page.From((List<object?[]>)page[0]!, (int?)page[1], Child!, Window!) : null,
    };

    /// <summary>The related rows held in a loaded value, for walking the result tree.</summary>
    public IEnumerable<object?[]> ChildRows(object? value) => Field.Kind switch
    {
        QueryFieldKind.Reference => value is object?[] row ? [row] : [],
        QueryFieldKind.List => value as List<object?[]> ?? [],
        QueryFieldKind.Connection => value is object?[] page ? (List<object?[]>)page[0]! : [],
        _ => [],
    };
}
