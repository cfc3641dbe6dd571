using GraphQL;
using GraphQLParser.AST;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>The layout of a projected row: which slot holds which selected field (by response name).</summary>
public sealed class RowShape(IEntityGraphType entity)
{
    private readonly Dictionary<GraphQLField, Slot> _byField = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Slot> _byName = new(StringComparer.Ordinal);

    public IEntityGraphType Entity { get; } = entity;

    public List<Slot> Slots { get; } = [];

    /// <summary>Slots of the sort-key values a cursor is made of (connections only).</summary>
    public int CursorStart { get; set; } = -1;

    public int CursorLength { get; set; }

    /// <summary>The slot of the primary key, loaded when a relation below waits for a batch statement.</summary>
    public int KeyIndex { get; set; } = -1;

    public int Width { get; set; }

    /// <summary>Whether a slot of this shape, or of a related shape at any depth, waits for a batch statement.</summary>
    public bool Waits() => Slots.Exists(slot => slot.Deferred is not null || slot.Child?.Waits() == true);

    internal void Map(string responseName, GraphQLField field, Slot slot)
    {
        _byField[field] = slot;
        _byName[responseName] = slot;
    }

    internal Slot? Find(string responseName) => _byName.GetValueOrDefault(responseName);

    public object? Read(object?[] values, IResolveFieldContext context)
    {
        var field = context.FieldAst;
        if (!_byField.TryGetValue(field, out var slot)
            && !_byName.TryGetValue((field.Alias?.Name ?? field.Name).StringValue, out slot))
        {
            throw new InvalidOperationException($"{Entity.Name}.{field.Name.StringValue} was not projected.");
        }

        return slot.Read(values[slot.Index], context);
    }
}
