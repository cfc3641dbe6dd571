using GraphQL.Resolvers;
using GraphQL.Types;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>Builds subscription fields and their event object types from <see cref="SubscriptionDefinition"/>s.</summary>
public static class SubscriptionFields
{
    public static FieldType Create(SubscriptionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var eventType = new ObjectGraphType { Name = definition.EventTypeName, Description = definition.EventDescription };
        eventType.AddField(new FieldType
        {
            Name = definition.EntityField,
            Description = $"The {definition.EntityTypeName} as it is after the change, read as you would read it; events of one you may not see are not sent.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(definition.EntityTypeName)),
            Resolver = new FuncFieldResolver<object>(context => ((SubscriptionEvent)context.Source!).Entity),
        });
        foreach (var field in definition.EventFields)
        {
            eventType.AddField(field);
        }

        return new FieldType
        {
            Name = definition.Name,
            Description = definition.Description,
            Arguments = definition.Arguments,
            ResolvedType = new NonNullGraphType(eventType),
            StreamResolver = new SourceStreamResolver<object>(context => EntityChangeStream.ForAsync(definition, context)),
            Resolver = new FuncFieldResolver<object>(context => context.Source),
        };
    }
}
