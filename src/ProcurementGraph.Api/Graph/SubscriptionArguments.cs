using System.Globalization;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Graph;

/// <summary>The optional ID arguments that narrow a subscription to some rows, and the predicates they make.</summary>
public static class SubscriptionArguments
{
    /// <summary>An optional <c>ID</c> argument taking the global IDs of <paramref name="typeName"/> (another type's ID is refused before anything runs).</summary>
    public static QueryArgument Id(string name, string typeName, string description)
    {
        var argument = new QueryArgument<IdGraphType> { Name = name, Description = description };
        argument.WithMetadata(TypedIdArgument.MetadataKey, typeName);
        return argument;
    }

    /// <summary>
    /// The predicate "the key <paramref name="key"/> selects is the one the argument names", null when the argument is absent;
    /// a malformed ID names no row (no event is delivered), as an ID of nothing does in a query.
    /// </summary>
    public static Expression<Func<TEntity, bool>>? Matching<TEntity>(IResolveFieldContext context, string argument, string typeName, Expression<Func<TEntity, int?>> key)
    {
        if (context.GetArgument<string?>(argument) is not { } id)
        {
            return null;
        }

        if (!GlobalId.TryDecode(id, out var idType, out var text) || idType != typeName
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return Expression.Lambda<Func<TEntity, bool>>(Expression.Constant(false), key.Parameters);
        }

        var equal = Expression.Equal(key.Body, Toolkit.Querying.Expressions.QueryParameter.Of((int?)value));
        return Expression.Lambda<Func<TEntity, bool>>(equal, key.Parameters);
    }

    /// <summary>Both predicates (either may be null).</summary>
    public static LambdaExpression? Both<TEntity>(Expression<Func<TEntity, bool>>? first, Expression<Func<TEntity, bool>>? second)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        var body = Expression.AndAlso(first.Body, Toolkit.Querying.Expressions.ParameterReplacer.Apply(second, first.Parameters[0]));
        return Expression.Lambda<Func<TEntity, bool>>(body, first.Parameters);
    }
}
