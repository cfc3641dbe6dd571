using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// The row rules of a <see cref="RowRuleTable{TCaller}"/> built once per caller and kept for the next request of the same
/// caller, at most <c>maxCallers</c> of them (when full, a compaction drops the least recently used tenth). Rules are
/// immutable expression trees, so one caller's requests share them; building them walks every entity type of the model.
/// </summary>
/// <typeparam name="TCaller">What a rule is built from (e.g. the key the caller is restricted to).</typeparam>
public sealed class RowRuleCache<TCaller> : IDisposable
    where TCaller : notnull
{
    private readonly RowRuleTable<TCaller> _table;
    private readonly MemoryCache _built;

    public RowRuleCache(RowRuleTable<TCaller> table, int maxCallers)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCallers);
        _table = table;
        _built = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxCallers, CompactionPercentage = 0.1 });
    }

    /// <summary>The table the rules come from.</summary>
    public RowRuleTable<TCaller> Table => _table;

    /// <summary>The rules of <paramref name="caller"/> over <paramref name="model"/>, as <see cref="RowRuleTable{TCaller}.For"/> builds them.</summary>
    public IRowRules For(TCaller caller, IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var key = (caller, model);
        if (_built.TryGetValue(key, out IRowRules? rules) && rules is not null)
        {
            return rules;
        }

        rules = _table.For(caller, model);
        _built.Set(key, rules, new MemoryCacheEntryOptions { Size = 1 });
        return rules;
    }

    public void Dispose() => _built.Dispose();
}
