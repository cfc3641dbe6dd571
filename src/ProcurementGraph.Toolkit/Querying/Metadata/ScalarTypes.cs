using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>The CLR → GraphQL scalar binding, as HotChocolate binds them.</summary>
public static class ScalarTypes
{
    private static readonly Dictionary<Type, (Type GraphType, string Name)> Bindings = new()
    {
        [typeof(string)] = (typeof(StringGraphType), "String"),
        [typeof(bool)] = (typeof(BooleanGraphType), "Boolean"),
        [typeof(byte)] = (typeof(ByteScalarGraphType), "Byte"),
        [typeof(short)] = (typeof(ShortScalarGraphType), "Short"),
        [typeof(int)] = (typeof(IntGraphType), "Int"),
        [typeof(long)] = (typeof(LongScalarGraphType), "Long"),
        [typeof(float)] = (typeof(FloatGraphType), "Float"),
        [typeof(double)] = (typeof(FloatGraphType), "Float"),
        [typeof(decimal)] = (typeof(DecimalScalarGraphType), "Decimal"),
        [typeof(DateTime)] = (typeof(DateTimeScalarGraphType), "DateTime"),
        [typeof(DateOnly)] = (typeof(LocalDateGraphType), "LocalDate"),
        [typeof(Guid)] = (typeof(UuidGraphType), "UUID"),
        [typeof(Uri)] = (typeof(UrlGraphType), "URL"),
    };

    /// <summary>
    /// HotChocolate v15's built-in scalars that this toolkit can serve with HotChocolate's format, carried by every schema
    /// (<see cref="QueryingTypes.Register"/>) whether a field uses them or not: clients and their tools declare them by name.
    /// </summary>
    public static IReadOnlyList<Type> BuiltInGraphTypes { get; } =
    [
        typeof(ByteScalarGraphType), typeof(ShortScalarGraphType), typeof(LongScalarGraphType), typeof(DecimalScalarGraphType),
        typeof(DateTimeScalarGraphType), typeof(DateGraphType), typeof(LocalDateGraphType), typeof(UuidGraphType), typeof(UrlGraphType),
    ];

    /// <summary>The graph type of a value of <paramref name="clrType"/> (nullable or not), wrapped in non-null when asked.</summary>
    public static Type GraphTypeOf(Type clrType, bool nonNull)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var graphType = type.IsEnum
            ? typeof(EnumerationGraphType<>).MakeGenericType(type)
            : Bindings.TryGetValue(type, out var binding)
                ? binding.GraphType
                : throw new NotSupportedException($"No GraphQL scalar is bound to {type.Name}.");
        return nonNull ? typeof(NonNullGraphType<>).MakeGenericType(graphType) : graphType;
    }

    /// <summary>The name prefix of the operation filter input for a value type, e.g. <c>Int</c> → <c>IntOperationFilterInput</c>.</summary>
    public static string OperationPrefix(Type clrType, Func<Type, string> enumName)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type.IsEnum ? enumName(type)
            : Bindings.TryGetValue(type, out var binding) ? binding.Name
            : throw new NotSupportedException($"No GraphQL scalar is bound to {type.Name}.");
    }

    /// <summary>True for types compared with <c>gt</c>/<c>lt</c> (numbers, dates).</summary>
    public static bool IsComparable(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return !type.IsEnum && type != typeof(string) && type != typeof(bool) && Bindings.ContainsKey(type);
    }
}
