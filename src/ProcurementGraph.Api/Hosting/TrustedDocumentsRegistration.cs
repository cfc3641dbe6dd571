using Microsoft.Extensions.Options;
using ProcurementGraph.Toolkit.TrustedDocuments;

namespace ProcurementGraph.Api.Hosting;

/// <summary>Trusted documents from <c>GraphQL:TrustedDocuments</c> (default: the <c>trusted-documents</c> folder of the content root).</summary>
public static class TrustedDocumentsRegistration
{
    public const string Section = "GraphQL:TrustedDocuments";

    public static IServiceCollection AddProcurementTrustedDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTrustedDocuments(options => configuration.GetSection(Section).Bind(options));
        services.AddSingleton<IStartupCheck, TrustedDocumentsStartup>();
        return services;
    }
}

/// <summary>
/// Loads the trusted documents when the server starts: a missing configured folder or a file that is not a GraphQL
/// operation stops the start with one line naming the setting and the file.
/// </summary>
public sealed partial class TrustedDocumentsStartup(
    IServiceProvider services, IOptions<TrustedDocumentOptions> options, IHostEnvironment environment, ILogger<TrustedDocumentsStartup> logger)
    : IStartupCheck
{
    public void Run()
    {
        var settings = options.Value;
        var folder = TrustedDocumentServiceCollectionExtensions.ResolveFolder(settings, environment.ContentRootPath);
        TrustedDocumentStore store;
        try
        {
            store = services.GetRequiredService<TrustedDocumentStore>();
        }
        catch (TrustedDocumentException e)
        {
            throw new StartupException($"{TrustedDocumentsRegistration.Section}:Path: {e.Message}", e);
        }

        LogLoaded(logger, store.Documents.Count, folder);
        var roles = string.Join(", ", settings.OnlyTrustedForRoles);
        if (settings.OnlyTrusted || roles.Length > 0)
        {
            LogOnlyTrusted(logger, settings.OnlyTrusted ? "every caller" : "callers in roles " + roles);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} trusted documents from {Folder}.")]
    private static partial void LogLoaded(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Only trusted documents are accepted from {Callers} (others: HC0067).")]
    private static partial void LogOnlyTrusted(ILogger logger, string callers);
}
