using GraphQL.Resolvers;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// Root fields of grouped aggregates: <c>name(where, groupBy, having, order, first, after, last, before): {Name}Connection</c>,
/// a connection of groups computed by one <c>GROUP BY</c> statement in the database (<see cref="AggregateQuery"/>).
/// </summary>
public static class AggregateFields
{
    /// <summary>Field metadata key: the field's <see cref="AggregateDefinition"/>.</summary>
    public const string DefinitionKey = "querying:aggregateDefinition";

    /// <summary>Field metadata key: the definition resolved against the schema (<see cref="AggregateModel"/>), set when the types are registered.</summary>
    public const string ModelKey = "querying:aggregateModel";

    public static FieldType Connection(string name, AggregateDefinition definition, string description)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var entity = definition.EntityTypeName;
        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new GraphQLTypeReference(TypeNames.Connection(name)),
            Resolver = new FuncFieldResolver<object>(async context =>
                await AggregateQuery.ConnectionAsync(context, context.FieldDefinition.GetMetadata<AggregateModel>(ModelKey)
                    ?? throw new InvalidOperationException($"The aggregate types of `{name}` are not registered (QueryingTypes.Register).")).ConfigureAwait(false)),
            Arguments = new QueryArguments(
                new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ groups from the list." },
                new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the groups in the list that come after the specified cursor." },
                new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last _n_ groups from the list." },
                new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the groups in the list that come before the specified cursor." },
                new QueryArgument(new GraphQLTypeReference(TypeNames.Filter(entity)))
                {
                    Name = "where",
                    Description = $"Filters the `{entity}` rows before they are grouped: the same filter as the list's.",
                },
                new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(AggregateNames.GroupBy(entity)))))
                {
                    Name = "groupBy",
                    Description = "The keys to group by (each once, in any order); none or an empty list: one group of every row.",
                },
                new QueryArgument(new GraphQLTypeReference(AggregateNames.Having(entity)))
                {
                    Name = "having",
                    Description = "Filters the groups by their aggregate values (SQL's HAVING).",
                },
                new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(AggregateNames.Sort(entity)))))
                {
                    Name = "order",
                    Description = "Orders the groups; by default by the grouped keys, in `groupBy` order.",
                }),
        };
        field.Metadata[DefinitionKey] = definition;
        return field;
    }
}
