using System.Globalization;
using System.Linq.Expressions;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Graph;

/// <summary>Lookups by global ID.</summary>
public static class GlobalIds
{
    /// <summary>A predicate matching the entity whose key the ID carries; null (not found) for an ID of another type.</summary>
    public static Func<string, Expression<Func<TEntity, bool>>?> KeyOf<TEntity>(string typeName, Expression<Func<TEntity, int>> key) => id =>
    {
        if (!GlobalId.TryDecode(id, out var idType, out var text) || idType != typeName
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var equal = Expression.Equal(key.Body, Toolkit.Querying.Expressions.QueryParameter.Of(value));
        return Expression.Lambda<Func<TEntity, bool>>(equal, key.Parameters);
    };
}
