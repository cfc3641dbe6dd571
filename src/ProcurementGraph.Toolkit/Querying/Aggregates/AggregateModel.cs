using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// An <see cref="AggregateDefinition"/> resolved against one schema's entity types when the schema is built: every path names
/// declared fields, keys and measures are of a kind the toolkit can group and aggregate (checked once, at start).
/// </summary>
public sealed class AggregateModel
{
    public AggregateModel(AggregateDefinition definition, IReadOnlyDictionary<string, IEntityGraphType> entities)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(entities);
        Entity = entities.GetValueOrDefault(definition.EntityTypeName)
            ?? throw new InvalidOperationException($"Aggregates of `{definition.EntityTypeName}`: no such entity type.");
        if (definition.Keys.Count > GroupKey.MaxKeys)
        {
            throw Invalid($"at most {GroupKey.MaxKeys} grouping keys are supported");
        }

        Keys = [.. definition.Keys.Select(key => new AggregateKeyModel(key, Entity, entities))];
        Measures = [.. definition.Measures.Select(measure => new AggregateMeasureModel(measure, Entity))];
        Duplicates(Keys.Select(k => k.Value), "grouping key value");
        Duplicates(Keys.Select(k => k.Name), "grouping key name");
        Duplicates(Measures.Select(m => m.Name), "measure");
        if (definition.Rollup is { } rollup)
        {
            if (rollup.Keys.Count == 0)
            {
                throw Invalid("the rollup has no grouping key");
            }

            foreach (var (name, column) in rollup.Keys)
            {
                if (!Keys.Any(k => k.Name == name) || column.Parameters is not [var row] || row.Type != rollup.RowType)
                {
                    throw Invalid($"the rollup's key `{name}` is not a grouping key or not a column of {rollup.RowType.Name}");
                }
            }

            foreach (var (name, column) in rollup.Sums)
            {
                if (!Measures.Any(m => m.Name == name && m.Units is not null) || column.Parameters is not [var row] || row.Type != rollup.RowType)
                {
                    throw Invalid($"the rollup's sum `{name}` is not a measure with units or not a column of {rollup.RowType.Name}");
                }
            }

            Rollup = rollup;
        }
    }

    /// <summary>The pre-aggregated rows that answer the requests they cover, or null.</summary>
    public AggregateRollup? Rollup { get; }

    /// <summary>The aggregated entity type.</summary>
    public IEntityGraphType Entity { get; }

    /// <summary>The prefix of the generated type names: the entity type's name.</summary>
    public string Name => Entity.Name;

    public IReadOnlyList<AggregateKeyModel> Keys { get; }

    public IReadOnlyList<AggregateMeasureModel> Measures { get; }

    /// <summary>The measures that <paramref name="function"/> applies to.</summary>
    public IEnumerable<AggregateMeasureModel> MeasuresOf(AggregateFunction function) => Measures.Where(m => m.Supports(function));

    public AggregateKeyModel Key(string name) => Keys.First(k => k.Name == name);

    public AggregateMeasureModel Measure(string name) => Measures.First(m => m.Name == name);

    private InvalidOperationException Invalid(string problem) => new($"Aggregates of `{Entity.Name}`: {problem}.");

    private void Duplicates(IEnumerable<string> names, string what)
    {
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw Invalid($"the {what} `{duplicate.Key}` is declared twice");
        }
    }
}

/// <summary>A field of the schema an aggregate output reads: the aggregate's field rules are those of its sources.</summary>
public sealed record FieldSource(string TypeName, string FieldName);
