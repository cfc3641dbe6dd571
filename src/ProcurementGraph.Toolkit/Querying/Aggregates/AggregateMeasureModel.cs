using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>A measure resolved: a numeric value field of the aggregated entity and the functions applied to it.</summary>
public sealed class AggregateMeasureModel
{
    private static readonly HashSet<Type> Integers = [typeof(byte), typeof(short), typeof(int), typeof(long)];
    private static readonly HashSet<Type> Floats = [typeof(float), typeof(double)];

    internal AggregateMeasureModel(AggregateMeasure measure, IEntityGraphType entity)
    {
        if (!entity.QueryFields.TryGetValue(measure.Field, out var field) || field.Kind != QueryFieldKind.Value || field.FormatsInMemory)
        {
            throw new InvalidOperationException($"Aggregates of `{entity.Name}`: the measure `{measure.Field}` is not a value field translated to SQL.");
        }

        Value = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
        if (!Integers.Contains(Value) && !Floats.Contains(Value) && Value != typeof(decimal))
        {
            throw new InvalidOperationException($"Aggregates of `{entity.Name}`: the measure `{measure.Field}` is not numeric.");
        }

        if (measure.Units is { } units
            && (Value != typeof(decimal) || units.Parameters is not [var row] || row.Type != entity.EntityType || units.ReturnType != typeof(long)))
        {
            throw new InvalidOperationException($"Aggregates of `{entity.Name}`: the units of `{measure.Field}` must be a long over {entity.EntityType.Name}, for a decimal field.");
        }

        Units = measure.Units;
        Scale = measure.Scale;
        Name = measure.Field;
        Field = field;
        Functions = measure.Functions;
        Description = entity.GetField(field.Name)?.Description ?? field.Name;
        Sources = [new FieldSource(entity.Name, field.Name)];
    }

    /// <summary>The field name, in every function's type and input.</summary>
    public string Name { get; }

    public QueryField Field { get; }

    /// <summary>The value's type without nullability.</summary>
    public Type Value { get; }

    public AggregateFunctions Functions { get; }

    public string Description { get; }

    public IReadOnlyList<FieldSource> Sources { get; }

    /// <summary>The value as whole units of 10^-<see cref="Scale"/> (over the entity) that sums, extremes and averages run over, or null.</summary>
    public System.Linq.Expressions.LambdaExpression? Units { get; }

    public int Scale { get; }

    /// <summary>
    /// Turns a value computed over <see cref="Units"/> into the field's: sums and extremes (whole units) into exact decimals,
    /// averages (floating-point units) into floating-point values; null when the measure has no units.
    /// </summary>
    public Func<object?, object?>? FromUnits(AggregateFunction function)
    {
        if (Units is null)
        {
            return null;
        }

        // 10^-scale with that many decimals: whole units times it keep the field's decimals (12345 cents -> 123.45).
        var unit = new decimal(1, 0, 0, false, (byte)Scale);
        var floating = Math.Pow(10, Scale);
        return function switch
        {
            AggregateFunction.Avg => v => v is null ? null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) / floating,
            _ => v => v is null ? null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) * unit,
        };
    }

    public bool Supports(AggregateFunction function) => function switch
    {
        AggregateFunction.Sum => Functions.HasFlag(AggregateFunctions.Sum),
        AggregateFunction.Avg => Functions.HasFlag(AggregateFunctions.Avg),
        AggregateFunction.Min => Functions.HasFlag(AggregateFunctions.Min),
        AggregateFunction.Max => Functions.HasFlag(AggregateFunctions.Max),
        _ => false,
    };

    /// <summary>
    /// The CLR type of <paramref name="function"/>'s result (non-nullable; the schema's fields are nullable): sums of whole
    /// numbers are <see cref="long"/> (no overflow of a 32-bit SQL sum), of decimals exact <see cref="decimal"/>, of floats
    /// <see cref="double"/>; averages <see cref="double"/>; extremes the value's own type.
    /// </summary>
    public Type ResultType(AggregateFunction function) => function switch
    {
        AggregateFunction.Sum => Integers.Contains(Value) ? typeof(long) : Floats.Contains(Value) ? typeof(double) : typeof(decimal),
        AggregateFunction.Avg => typeof(double),
        _ => Value,
    };
}
