using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using GraphQL.Execution;
using GraphQLParser.AST;
using ProcurementGraph.Api.Data;
using ProcurementGraph.Api.Graph;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Querying;
using ProcurementGraph.Toolkit.Documents;
using ProcurementGraph.Toolkit.Querying.Compiled;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Errors;
using ProcurementGraph.Toolkit.Introspection;
using ProcurementGraph.Toolkit.Mutations;
using ProcurementGraph.Toolkit.Idempotency;
using ProcurementGraph.Api.Data.Idempotency;
using ProcurementGraph.Api.Features.Audit;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Relay;
using ProcurementGraph.Toolkit.Subscriptions;
using ProcurementGraph.Toolkit.Transport;

namespace ProcurementGraph.Api.Hosting;

/// <summary>Registers the GraphQL schema, the engine's options and the HTTP transport.</summary>
public static class GraphRegistration
{
    public static IServiceCollection AddProcurementGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<PagingOptions>(configuration.GetSection("Paging"));
        services.Scan<IQueryFields>();
        services.Scan<IMutationFields>();
        services.Scan<ISubscriptionFields>();
        services.AddEntityGraphTypes();
        services.AddScoped<IQuerySource, DbContextQuerySource<ProcurementDbContext>>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(PartnerRowRules.Table);
        services.TryAddSingleton(sp => new RowRuleCache<int>(
            sp.GetRequiredService<RowRuleTable<int>>(), sp.GetRequiredService<IOptions<SecurityOptions>>().Value.PartnerRowRulesCacheSize));
        services.AddScoped<CallerRowRules>();
        services.AddScoped<IRowRules>(sp => sp.GetRequiredService<CallerRowRules>());
        services.AddScoped<IRowWriteRules>(sp => sp.GetRequiredService<CallerRowRules>());
        services.AddGraphQLMutations<ProcurementDbContext>();
        services.AddScoped<IAuditTrail, ProcurementAuditTrail>();
        services.AddGraphQLSubscriptions(); // mutations publish their committed changes; subscriptions listen (in process)
        services.AddSingleton<ISubscriberGroups, ProcurementSubscriberGroups>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddGraphQLIdempotency<DatabaseIdempotencyStore>(options => configuration.GetSection("GraphQL:Idempotency").Bind(options));
        services.AddGraphQL(graph => graph
            .AddSchema<ProcurementSchema>()
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(ProcurementSchema).Assembly)
            .AddGraphTypes(typeof(PageInfoGraphType).Assembly)
            .AddOctober2021Introspection()
            .AddTypedIdValidation()
            .AddProcurementAccessRules()
            .AddProcurementLimits(configuration, environment)
            // One scoped DbContext per request cannot run two queries at once: resolve query fields one after another;
            // root fields answered by the projection are written straight to JSON unless GraphQL:Execution:CompiledResults is false.
            .AddQueryExecution(compiledResults: configuration.GetValue("GraphQL:Execution:CompiledResults", defaultValue: true))
            // Documents that passed validation are kept by their text: parsed and put through the document-only rules once.
            .AddValidatedDocumentCache(new DocumentCacheOptions
            {
                Capacity = configuration.GetValue("GraphQL:Execution:DocumentCacheSize", defaultValue: new DocumentCacheOptions().Capacity),
            })
            // Mutation fields run one after another (the GraphQL spec), each in its own transaction.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Mutation)
            // Each event of a subscription runs in its own scope, its entity read with the subscriber's rules first.
            .AddSubscriptionEventExecution()
            .AddProcurementExecutionHardening(configuration, environment)
            // Outside Development unexpected exceptions are "Unexpected Execution Error" with a correlation id only.
            .AddMaskingErrorInfoProvider(new FlatErrorInfoProvider(new ErrorInfoProviderOptions
            {
                ExposeExceptionDetails = environment.IsDevelopment(),
            }), environment.IsDevelopment()));
        services.AddGraphQLHttp(options =>
        {
            // Clients that leave the choice to us (no Accept, */*) get application/json, as the graphql-http
            // audit's SHOULDs ask; HotChocolate clients send an explicit Accept and get graphql-response+json.
            options.DefaultResponseMediaType = GraphQLResponseMediaType.Json;
            configuration.GetSection("GraphQL:Http").Bind(options);
            // The development persona answers requests without a token: cacheable as an anonymous answer (README).
            options.UncredentialedAuthenticationTypes.Add(ProcurementAuthenticationSchemes.DevelopmentIdentity);
        });
        return services;
    }

    /// <summary>Entity graph types are singletons, also listed as <see cref="IEntityGraphType"/> for the generated inputs.</summary>
    private static void AddEntityGraphTypes(this IServiceCollection services)
    {
        var types = typeof(GraphRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEntityGraphType).IsAssignableFrom(t));
        foreach (var type in types)
        {
            services.AddSingleton(type);
            services.AddSingleton(provider => (IEntityGraphType)provider.GetRequiredService(type));
        }
    }

    /// <summary>Registers every concrete <typeparamref name="T"/> of this assembly as a singleton.</summary>
    private static void Scan<T>(this IServiceCollection services)
    {
        var implementations = typeof(GraphRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t));
        foreach (var implementation in implementations)
        {
            services.AddSingleton(typeof(T), implementation);
        }
    }
}
