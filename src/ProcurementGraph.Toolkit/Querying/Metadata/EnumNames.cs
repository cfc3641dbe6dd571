using System.Collections.Concurrent;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>The GraphQL name GraphQL.NET gives a CLR enum's <c>EnumerationGraphType&lt;T&gt;</c>.</summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of(Type enumType) => Names.GetOrAdd(enumType, type =>
        ((IGraphType)Activator.CreateInstance(typeof(EnumerationGraphType<>).MakeGenericType(type))!).Name);
}
