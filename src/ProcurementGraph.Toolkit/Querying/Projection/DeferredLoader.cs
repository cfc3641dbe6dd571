using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProcurementGraph.Toolkit.Querying.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Projection;

/// <summary>
/// Loads the fields that waited under a paged nested list: per level, one statement per waiting position,
/// <c>WHERE key IN (...)</c> over the keys of every row at that position — never one statement per row.
/// </summary>
public sealed class DeferredLoader(QueryScope scope, Projector projector)
{
    public async Task LoadAsync(List<object?[]> rows, RowShape shape, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<RowShape, List<object?[]>>();
        Collect(rows, shape, pending);
        while (pending.Count > 0)
        {
            var next = new Dictionary<RowShape, List<object?[]>>();
            foreach (var (waiting, waitingRows) in pending)
            {
                await LoadAsync(waiting, waitingRows, cancellationToken).ConfigureAwait(false);
                Collect(waitingRows, waiting, next); // nothing of `waiting` waits any more: what waits below its loaded relations
            }

            pending = next;
        }
    }

    /// <summary>Finds the rows (at any depth) whose shape has fields still waiting.</summary>
    public static void Collect(List<object?[]> rows, RowShape shape, Dictionary<RowShape, List<object?[]>> pending)
    {
        if (rows.Count == 0 || !shape.Waits())
        {
            return; // nothing below waits: the rows are not walked
        }

        if (shape.Slots.Any(s => s.Deferred is not null))
        {
            if (!pending.TryGetValue(shape, out var list))
            {
                pending[shape] = list = [];
            }

            list.AddRange(rows);
            return;
        }

        foreach (var slot in shape.Slots.Where(s => s.Child?.Waits() == true))
        {
            Collect(rows.SelectMany(row => slot.ChildRows(row[slot.Index])).ToList(), slot.Child!, pending);
        }
    }

    private async Task LoadAsync(RowShape shape, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var entity = shape.Entity;
        var slots = shape.Slots.Where(s => s.Deferred is not null).ToList();
        var element = Expression.Parameter(entity.EntityType, "x");
        var key = ParameterReplacer.Apply(entity.Key, element);
        var root = scope.Source.Query(entity.EntityType);
        var inKeys = QueryParameter.Contains(rows.Select(row => row[shape.KeyIndex]).Distinct(), key);
        var owners = scope.Restrict(new Sequence(root.Expression, entity.EntityType, IsQueryable: true))
            .Where(Expression.Lambda(inKeys, element));
        var values = new List<Expression> { Expression.Convert(key, typeof(object)) };
        foreach (var slot in slots)
        {
            var loaded = new Slot(0, slot.Field);
            values.Add(Expression.Convert(projector.Value(slot.Field, slot.Deferred!, element, loaded, owners.Source), typeof(object)));
            slot.Child = loaded.Child;
            slot.Window = loaded.Window;
        }

        await scope.EnsureReadableAsync().ConfigureAwait(false);
        var query = owners.Select(Expression.Lambda(Expression.NewArrayInit(typeof(object), values), element));
        var loadedRows = await root.Provider.CreateQuery<object?[]>(query.Source).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byKey = loadedRows.ToDictionary(row => row[0]!);
        foreach (var row in rows)
        {
            var found = byKey.GetValueOrDefault(row[shape.KeyIndex]!);
            for (var i = 0; i < slots.Count; i++)
            {
                row[slots[i].Index] = found?[i + 1];
            }
        }

        foreach (var slot in slots)
        {
            slot.Deferred = null;
        }
    }

}
