using System.Globalization;
using System.Reflection;

namespace ProcurementGraph.Api.Tests.Data.Seeding;

/// <summary>
/// An entity's scalar properties as one line of text ("Id=1|Name=..."), for readable comparisons.
/// Decimals are written without trailing zeros, since 1.50 and 1.5 are the same stored value.
/// </summary>
internal static class EntityText
{
    public static string Of(object entity) => string.Join('|', entity.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        // Properties without a public setter are computed by the database (e.g. Contract.StartQuarter), not by the generator.
        .Where(p => IsScalar(p.PropertyType) && p.SetMethod?.IsPublic == true)
        .Select(p => $"{p.Name}={Format(p.GetValue(entity))}"));

    public static List<string> Of<T>(IEnumerable<T> entities)
        where T : class => entities.Select(e => Of(e)).ToList();

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(Guid);
    }

    private static string Format(object? value) => value switch
    {
        null => "<null>",
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
