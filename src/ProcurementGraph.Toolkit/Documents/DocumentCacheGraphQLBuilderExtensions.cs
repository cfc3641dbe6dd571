using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>Registers <see cref="ValidatedDocumentCache"/>.</summary>
public static class DocumentCacheGraphQLBuilderExtensions
{
    /// <summary>
    /// Keeps validated documents up to <see cref="DocumentCacheOptions.Capacity"/> characters of text (nothing when it is 0).
    /// Rules that depend on the variables or the caller must be registered with <c>useForCachedDocuments: true</c>.
    /// </summary>
    public static IGraphQLBuilder AddValidatedDocumentCache(this IGraphQLBuilder builder, DocumentCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Capacity <= 0)
        {
            return builder;
        }

        // The container owns (and disposes) the cache; the execution pipeline finds it as one of its wrappers.
        builder.Services.Register(_ => new ValidatedDocumentCache(options), GraphQL.DI.ServiceLifetime.Singleton);
        builder.Services.Register<IConfigureExecution>(services => services.GetRequiredService<ValidatedDocumentCache>(), GraphQL.DI.ServiceLifetime.Singleton);
        builder.Services.Register<IKnownDocuments>(services => services.GetRequiredService<ValidatedDocumentCache>(), GraphQL.DI.ServiceLifetime.Singleton);
        return builder;
    }
}
