using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// What an entity type can be grouped by and aggregated over, declared by the application: grouping keys (fields, paths of
/// fields through references, or a transform of a field such as its year) and measures (numeric fields). The toolkit builds
/// the <c>{name}Aggregate</c> root field, its types and one <c>GROUP BY</c> statement per request from it
/// (<see cref="AggregateFields"/>). Every key and measure names fields of the entity graph types, so the same expressions,
/// row rules and field rules apply as to the entity's list.
/// </summary>
public sealed class AggregateDefinition(string entityTypeName)
{
    /// <summary>The GraphQL name of the aggregated entity type (its <c>{Name}FilterInput</c> is the <c>where</c> argument).</summary>
    public string EntityTypeName { get; } = entityTypeName;

    public List<AggregateKey> Keys { get; } = [];

    public List<AggregateMeasure> Measures { get; } = [];

    /// <summary>The pre-aggregated rows that answer the requests they cover, or null (<see cref="AggregateRollup"/>).</summary>
    public AggregateRollup? Rollup { get; private set; }

    /// <summary>Answers the requests <paramref name="rollup"/> covers from its rows instead of the entities (<see cref="AggregateRollup"/>).</summary>
    public AggregateDefinition RolledUpIn(AggregateRollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        Rollup = rollup;
        return this;
    }

    /// <summary>
    /// A grouping key on the field <paramref name="path"/> (<c>status</c>), or on a field reached through references
    /// (<c>supplier.country</c>). A path ending at a reference (<c>category</c>) groups by the related row and the key field
    /// returns that object.
    /// </summary>
    /// <param name="value">The <c>{Entity}GroupBy</c> enum value, e.g. <c>SUPPLIER_COUNTRY</c>.</param>
    /// <param name="name">The field of <c>{Entity}AggregateKey</c>, e.g. <c>supplierCountry</c>.</param>
    /// <param name="path">The entity fields, dot-separated.</param>
    /// <param name="description">What the key is.</param>
    public AggregateDefinition Key(string value, string name, string path, string description)
    {
        Keys.Add(new AggregateKey(value, name, path.Split('.'), description, Transform: null, Format: null, FormattedType: null));
        return this;
    }

    /// <summary>
    /// A grouping key on a column the database keeps for it (a stored or indexed computed column over the field
    /// <paramref name="path"/>, say the quarter of a date), shown through <paramref name="format"/>: grouped, ordered and paged
    /// by <paramref name="column"/> so an index on it serves the <c>GROUP BY</c>; the key still reads <paramref name="path"/>
    /// (a field of the entity itself) for the field rules.
    /// </summary>
    public AggregateDefinition StoredKey<TEntity, TKey, TOutput>(
        string value, string name, string path, Expression<Func<TEntity, TKey>> column, Func<TKey, TOutput> format, string description)
    {
        Keys.Add(new AggregateKey(value, name, path.Split('.'), description, Transform: null, v => v is null ? null : format((TKey)v), typeof(TOutput)) { Column = column });
        return this;
    }

    /// <summary>A grouping key on a column the database keeps for it, shown as it is (see the overload with a format).</summary>
    public AggregateDefinition StoredKey<TEntity, TKey>(string value, string name, string path, Expression<Func<TEntity, TKey>> column, string description)
    {
        Keys.Add(new AggregateKey(value, name, path.Split('.'), description, Transform: null, Format: null, FormattedType: null) { Column = column });
        return this;
    }

    /// <summary>A grouping key on a transform of a field's value (translated to SQL), e.g. the year of a date.</summary>
    public AggregateDefinition Key<TValue, TKey>(string value, string name, string path, Expression<Func<TValue, TKey>> transform, string description)
    {
        Keys.Add(new AggregateKey(value, name, path.Split('.'), description, transform, Format: null, FormattedType: null));
        return this;
    }

    /// <summary>
    /// A grouping key on a transform of a field's value, shown through <paramref name="format"/> (in memory): groups are
    /// formed, ordered and paged by the transformed value, e.g. a quarter as <c>year * 10 + quarter</c> shown as <c>2026-Q3</c>.
    /// </summary>
    public AggregateDefinition Key<TValue, TKey, TOutput>(
        string value, string name, string path, Expression<Func<TValue, TKey>> transform, Func<TKey, TOutput> format, string description)
    {
        Keys.Add(new AggregateKey(value, name, path.Split('.'), description, transform, v => v is null ? null : format((TKey)v), typeof(TOutput)));
        return this;
    }

    /// <summary>A numeric field aggregated by <paramref name="functions"/> (sum, avg, min, max), under its own name.</summary>
    public AggregateDefinition Measure(string field, AggregateFunctions functions = AggregateFunctions.All)
    {
        Measures.Add(new AggregateMeasure(field, functions));
        return this;
    }

    /// <summary>
    /// A decimal field aggregated over a whole-number column the database keeps for it: the field's value in units of
    /// 10^-<paramref name="scale"/> (cents for money with <paramref name="scale"/> 2), e.g. a computed column. Sums,
    /// extremes and averages run over <paramref name="units"/> in the database's native 64-bit integer arithmetic — exact,
    /// and fast where the provider has no native decimal arithmetic (SQLite) — and are scaled back in memory, so the
    /// results are the field's. <c>having</c> on such a measure compares the field's own exact aggregate.
    /// </summary>
    public AggregateDefinition MeasureInUnits<TEntity>(string field, Expression<Func<TEntity, long>> units, int scale, AggregateFunctions functions = AggregateFunctions.All)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 18);
        Measures.Add(new AggregateMeasure(field, functions) { Units = units, Scale = scale });
        return this;
    }
}

/// <summary>A grouping key of an <see cref="AggregateDefinition"/>.</summary>
/// <param name="Value">The enum value naming it in <c>groupBy</c>.</param>
/// <param name="Name">Its field in the key type, sort and <c>countDistinct</c> inputs.</param>
/// <param name="Path">The entity fields it reads, from the aggregated entity on.</param>
/// <param name="Description">What it is.</param>
/// <param name="Transform">Applied to the last field's value in SQL, or null.</param>
/// <param name="Format">Turns the grouped value into the key field's result in memory, or null.</param>
/// <param name="FormattedType">The CLR type <paramref name="Format"/> returns.</param>
public sealed record AggregateKey(
    string Value, string Name, IReadOnlyList<string> Path, string Description, LambdaExpression? Transform, Func<object?, object?>? Format, Type? FormattedType)
{
    /// <summary>The column grouped by instead of the path's field (over the aggregated entity), or null.</summary>
    public LambdaExpression? Column { get; init; }
}

/// <summary>A measure of an <see cref="AggregateDefinition"/>: a numeric entity field and the functions applied to it.</summary>
public sealed record AggregateMeasure(string Field, AggregateFunctions Functions)
{
    /// <summary>The field's value as a whole number of 10^-<see cref="Scale"/> units (over the aggregated entity), or null.</summary>
    public LambdaExpression? Units { get; init; }

    /// <summary>The decimal places of <see cref="Units"/>.</summary>
    public int Scale { get; init; }
}

/// <summary>The aggregate functions of a measure.</summary>
[Flags]
public enum AggregateFunctions
{
    None = 0,
    Sum = 1,
    Avg = 2,
    Min = 4,
    Max = 8,

    /// <summary>Averages and extremes, no sum: for ratios and scores whose sum means nothing.</summary>
    AvgMinMax = Avg | Min | Max,
    All = Sum | Avg | Min | Max,
}
