using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>Registers trusted documents for the GraphQL-over-HTTP endpoint.</summary>
public static class TrustedDocumentServiceCollectionExtensions
{
    /// <summary>
    /// Loads trusted documents from <see cref="TrustedDocumentOptions.Path"/> (once, when first needed; resolve
    /// <see cref="TrustedDocumentStore"/> at start to fail early) and lets the endpoint of
    /// <see cref="Transport.GraphQLEndpointRouteBuilderExtensions.MapGraphQLHttp"/> run them by <c>documentId</c> or
    /// APQ's <c>extensions.persistedQuery</c> (registering APQ documents, <see cref="AutomaticPersistedQueryOptions"/>), and refuse other documents where the options say so (<c>HC0067</c>).
    /// </summary>
    public static IServiceCollection AddTrustedDocuments(this IServiceCollection services, Action<TrustedDocumentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TrustedDocumentOptions>()
            .Validate(o => o.OnlyTrustedForRoles.All(r => !string.IsNullOrWhiteSpace(r)), "OnlyTrustedForRoles must not hold empty role names.")
            .Validate(o => o.AutomaticPersistedQueries.MaxDocuments > 0, "AutomaticPersistedQueries:MaxDocuments must be greater than zero.");
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(provider => Load(
            provider.GetRequiredService<IOptions<TrustedDocumentOptions>>().Value,
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory));
        services.TryAddSingleton<AutomaticPersistedQueryStore>();
        services.TryAddSingleton<TrustedDocumentResolver>();
        return services;
    }

    /// <summary>The folder <paramref name="options"/> name, relative paths resolved against <paramref name="contentRoot"/>.</summary>
    public static string ResolveFolder(TrustedDocumentOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(options.Path) ? TrustedDocumentOptions.DefaultFolder : options.Path, contentRoot);
    }

    private static TrustedDocumentStore Load(TrustedDocumentOptions options, string contentRoot)
    {
        var folder = ResolveFolder(options, contentRoot);
        return string.IsNullOrWhiteSpace(options.Path) && !Directory.Exists(folder)
            ? TrustedDocumentStore.Empty
            : TrustedDocumentStore.Load(folder);
    }
}
