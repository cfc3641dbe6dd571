using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>Registers what subscription fields need.</summary>
public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>The in-process event bus (unless another <see cref="IEntityChangeBus"/> is registered): mutations publish their committed changes on it.</summary>
    public static IServiceCollection AddGraphQLSubscriptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InProcessEntityChangeBus>();
        services.TryAddSingleton<IEntityChangeBus>(sp => sp.GetRequiredService<InProcessEntityChangeBus>());
        return services;
    }

    /// <summary>Subscription operations run with <see cref="SubscriptionEventExecutionStrategy"/>.</summary>
    public static IGraphQLBuilder AddSubscriptionEventExecution(this IGraphQLBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddExecutionStrategy<SubscriptionEventExecutionStrategy>(OperationType.Subscription);
    }
}
