using System.Linq.Expressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>Root fields over entity types: connections with <c>where</c>/<c>order</c>, and single-row lookups.</summary>
public static class EntityFields
{
    /// <summary><c>name(first, after, last, before, where, order): {Name}Connection</c>.</summary>
    public static FieldType Connection(string name, string nodeTypeName, string description)
    {
        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new GraphQLTypeReference(TypeNames.Connection(name)),
            Resolver = new FuncFieldResolver<object>(async context => await EntityQuery.ConnectionAsync(context, nodeTypeName).ConfigureAwait(false)),
        };
        ConnectionArguments.AddTo(field, nodeTypeName);
        return field;
    }

    /// <summary><c>name(argument): Type</c>: the row matching the argument, or null.</summary>
    public static FieldType Lookup<TEntity, TArgument>(
        string name, string typeName, string description, QueryArgument argument, Func<TArgument, Expression<Func<TEntity, bool>>?> predicate)
    {
        return new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new GraphQLTypeReference(typeName),
            Arguments = new QueryArguments(argument),
            Resolver = new FuncFieldResolver<object>(async context =>
                predicate(context.GetArgument<TArgument>(argument.Name)) is { } filter
                    ? await EntityQuery.SingleAsync(context, typeName, filter).ConfigureAwait(false)
                    : null),
        };
    }
}
