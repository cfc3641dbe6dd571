using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// Where each value of a loaded group sits (the statement selects <c>new object[] { keys..., count, values..., sort keys... }</c>),
/// and the related rows of the object keys, loaded by key after the groups.
/// </summary>
public sealed class AggregateLayout(AggregateModel model)
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(AggregateFunction Function, string Name), int> _values = [];
    private readonly Dictionary<string, IReadOnlyDictionary<object, Row>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<(AggregateFunction Function, string Name), Func<object?, object?>> _converts = [];

    public AggregateModel Model { get; } = model;

    public int CountSlot { get; internal set; } = -1;

    public int CursorStart { get; internal set; }

    public int CursorLength { get; internal set; }

    public int Width { get; internal set; }

    internal void MapKey(string name, int slot) => _keys[name] = slot;

    internal void MapValue(AggregateFunction function, string name, int slot, Func<object?, object?>? convert = null)
    {
        _values[(function, name)] = slot;
        if (convert is not null)
        {
            _converts[(function, name)] = convert;
        }
    }

    internal void SetObjects(string key, IReadOnlyDictionary<object, Row> rows) => _objects[key] = rows;

    internal int? KeySlot(string name) => _keys.TryGetValue(name, out var slot) ? slot : null;

    /// <summary>The key field's result: null when the groups are not grouped by it.</summary>
    public object? Key(object?[] values, string name)
    {
        if (!_keys.TryGetValue(name, out var slot))
        {
            return null;
        }

        var key = Model.Key(name);
        var value = values[slot];
        return key.IsObject
            ? value is not null && _objects.TryGetValue(name, out var rows) ? rows.GetValueOrDefault(value) : null
            : key.Output(value);
    }

    /// <summary>An aggregate value; null when it was not computed (not selected, or a field the caller may not read).</summary>
    public object? Value(object?[] values, AggregateFunction function, string name) =>
        !_values.TryGetValue((function, name), out var slot) ? null
        : _converts.TryGetValue((function, name), out var convert) ? convert(values[slot])
        : values[slot];

    public string Cursor(object?[] values) => KeysetCursor.Encode(values.AsSpan(CursorStart, CursorLength));
}

/// <summary>One group of a loaded page.</summary>
public sealed class AggregateGroup(AggregateLayout layout, object?[] values)
{
    public AggregateLayout Layout { get; } = layout;

    public object?[] Values { get; } = values;

    public int Count => (int)Values[Layout.CountSlot]!;

    public string Cursor => Layout.Cursor(Values);

    public object? Key(string name) => Layout.Key(Values, name);

    public object? Value(AggregateFunction function, string name) => Layout.Value(Values, function, name);
}

/// <summary>The values of one function of a group (the source of <c>sum { ... }</c>, <c>avg { ... }</c>, ...).</summary>
public sealed record AggregateValues(AggregateGroup Group, AggregateFunction Function);

/// <summary>A loaded page of groups.</summary>
public sealed class AggregatePage
{
    private AggregatePage(List<AggregateGroup> nodes, PageCursors pageInfo, int? totalCount)
    {
        Nodes = nodes;
        PageInfo = pageInfo;
        TotalCount = totalCount;
    }

    public IReadOnlyList<AggregateGroup> Nodes { get; }

    public PageCursors PageInfo { get; }

    /// <summary>The number of groups (after <c>having</c>), when selected.</summary>
    public int? TotalCount { get; }

    public static AggregatePage From(List<object?[]> loaded, int? totalCount, AggregateLayout layout, PageWindow window)
    {
        var (rows, hasNextPage, hasPreviousPage) = window.Slice(loaded);
        return new AggregatePage(rows.ConvertAll(values => new AggregateGroup(layout, values)), new PageCursors(layout.Cursor, rows, hasNextPage, hasPreviousPage), totalCount);
    }
}
