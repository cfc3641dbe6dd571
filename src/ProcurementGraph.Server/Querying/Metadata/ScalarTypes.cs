using GraphQL.Types;

namespace ProcurementGraph.Server.Querying.Metadata;

/// <summary>The CLR → GraphQL scalar binding, as HotChocolate binds them.</summary>
public static class ScalarTypes
{
    private static readonly Dictionary<Type, (Type GraphType, string Name)> Bindings = new()
    {
        [typeof(string)] = (typeof(StringGraphType), "String"),
        [typeof(bool)] = (typeof(BooleanGraphType), "Boolean"),
        [typeof(short)] = (typeof(ShortGraphType), "Short"),
        [typeof(int)] = (typeof(IntGraphType), "Int"),
        [typeof(long)] = (typeof(LongGraphType), "Long"),
        [typeof(float)] = (typeof(FloatGraphType), "Float"),
        [typeof(double)] = (typeof(FloatGraphType), "Float"),
        [typeof(decimal)] = (typeof(DecimalScalarGraphType), "Decimal"),
        [typeof(DateTime)] = (typeof(DateTimeGraphType), "DateTime"),
        [typeof(DateTimeOffset)] = (typeof(DateTimeOffsetGraphType), "DateTime"),
        [typeof(DateOnly)] = (typeof(DateGraphType), "Date"),
        [typeof(Guid)] = (typeof(UuidGraphType), "UUID"),
    };

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
