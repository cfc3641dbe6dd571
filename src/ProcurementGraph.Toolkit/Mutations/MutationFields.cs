using System.Linq.Expressions;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Projection;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>Builds mutation fields, their payload and error union types from <see cref="MutationDefinition"/>s.</summary>
public static class MutationFields
{
    public const string ErrorsFieldName = "errors";

    public static FieldType Create(MutationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var prefix = definition.TypePrefix;
        if (definition.Input.Name != $"{prefix}Input")
        {
            throw new InvalidOperationException($"The input of {definition.Name} must be named {prefix}Input, not {definition.Input.Name}.");
        }

        var union = new UnionGraphType
        {
            Name = $"{prefix}Error",
            Description = $"The business failures `{definition.Name}` reports in its payload.",
        };
        foreach (var error in definition.Errors)
        {
            union.Type(error);
        }

        var payload = new ObjectGraphType { Name = $"{prefix}Payload", Description = $"The result of `{definition.Name}`." };
        payload.AddField(EntityField(definition));
        payload.AddField(new FieldType
        {
            Name = ErrorsFieldName,
            Description = "What went wrong; null when the mutation succeeded.",
            ResolvedType = new ListGraphType(new NonNullGraphType(union)),
            Resolver = new FuncFieldResolver<object>(context => ((MutationResult)context.Source!).Errors),
        });

        return new FieldType
        {
            Name = definition.Name,
            Description = definition.Description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(definition.Input)) { Name = "input" }),
            Resolver = new FuncFieldResolver<object>(async context => await MutationRunner.RunAsync(context, definition.Handler).ConfigureAwait(false)),
        };
    }

    private static FieldType EntityField(MutationDefinition definition)
    {
        var entityTypeName = definition.EntityTypeName;
        var name = definition.PayloadFieldName ?? char.ToLowerInvariant(entityTypeName[0]) + entityTypeName[1..];
        if (definition.ReturnsId)
        {
            return new FieldType
            {
                Name = name,
                Description = $"The global ID of the removed {entityTypeName}; null when the mutation failed.",
                ResolvedType = new IdGraphType(),
                Resolver = new FuncFieldResolver<object>(context => context.Source is MutationResult { Keys: [var key, ..] }
                    ? GlobalId.Encode(entityTypeName, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!)
                    : null),
            };
        }

        IGraphType entity = new GraphQLTypeReference(entityTypeName);
        return new FieldType
        {
            Name = name,
            Description = definition.ReturnsList
                ? $"The written {entityTypeName} objects, in input order; null when nothing was written."
                : $"The {entityTypeName} as it is after the mutation; null when the mutation failed.",
            ResolvedType = definition.ReturnsList ? new ListGraphType(new NonNullGraphType(entity)) : entity,
            Resolver = new FuncFieldResolver<object>(async context =>
            {
                if (context.Source is not MutationResult { Keys.Count: > 0 } result)
                {
                    return null;
                }

                // Read back through the query toolkit: the selection, derived values and the caller's row rules, one statement.
                var type = new QueryScope(context).Entity(entityTypeName);
                var element = Expression.Parameter(type.EntityType, "x");
                var key = ParameterReplacer.Apply(type.Key, element);
                if (!definition.ReturnsList)
                {
                    var equal = Expression.Lambda(Expression.Equal(key, QueryParameter.Of(result.Keys[0], key.Type)), element);
                    return await EntityQuery.SingleAsync(context, entityTypeName, equal).ConfigureAwait(false);
                }

                var keys = result.Keys.Distinct().ToList();
                var rows = await EntityQuery.ManyAsync(context, entityTypeName, Expression.Lambda(QueryParameter.Contains(keys, key), element), keys.Count, includeKey: true)
                    .ConfigureAwait(false);
                var byKey = rows.ToDictionary(row => row.Values[row.Shape.KeyIndex]!);
                return result.Keys.Select(k => byKey.GetValueOrDefault(k)).OfType<Row>().ToList();
            }),
        };
    }
}
