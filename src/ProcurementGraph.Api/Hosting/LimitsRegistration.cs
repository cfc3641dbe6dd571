using System.Globalization;
using GraphQL.DI;
using ProcurementGraph.Toolkit.Limits;

namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// The abuse limits from configuration: <c>GraphQL:MaxDepth</c>, <c>GraphQL:MaxValidationErrors</c>,
/// <c>GraphQL:Cost:*</c>, <c>GraphQL:Document:*</c> (the document's size, checked while parsing) and
/// <c>GraphQL:Introspection:RequireAuthentication</c> (on outside Development).
/// A value that is not a positive number stops the start with one line naming the setting.
/// </summary>
public static class LimitsRegistration
{
    public const string MaxDepthKey = "GraphQL:MaxDepth";
    public const string MaxValidationErrorsKey = "GraphQL:MaxValidationErrors";
    public const string MaxFieldCostKey = "GraphQL:Cost:MaxFieldCost";
    public const string MaxTypeCostKey = "GraphQL:Cost:MaxTypeCost";
    public const string EnforceKey = "GraphQL:Cost:Enforce";
    public const string CountedRootPageSizeKey = "GraphQL:Cost:CountedRootPageSize";
    public const string IntrospectionRequiresAuthenticationKey = "GraphQL:Introspection:RequireAuthentication";
    public const string DocumentSection = "GraphQL:Document";

    public static IGraphQLBuilder AddProcurementLimits(this IGraphQLBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = new GraphQLLimitsOptions();
        var maxDepth = Positive(configuration, MaxDepthKey, defaults.MaxExecutionDepth);
        var maxValidationErrors = Positive(configuration, MaxValidationErrorsKey, defaults.MaxValidationErrors);
        var maxFieldCost = Positive(configuration, MaxFieldCostKey, defaults.Cost.MaxFieldCost);
        var maxTypeCost = Positive(configuration, MaxTypeCostKey, defaults.Cost.MaxTypeCost);
        var countedRootPageSize = Positive(configuration, CountedRootPageSizeKey, defaults.Cost.CountedRootPageSize);
        var enforce = Boolean(configuration, EnforceKey, defaults.Cost.Enforce);
        var introspectionRequiresAuthentication = Boolean(configuration, IntrospectionRequiresAuthenticationKey, !environment.IsDevelopment());
        var document = defaults.Document;
        var maxTokens = Positive(configuration, $"{DocumentSection}:MaxTokens", document.MaxTokens);
        var maxFields = Positive(configuration, $"{DocumentSection}:MaxFields", document.MaxFields);
        var maxExpandedFields = Positive(configuration, $"{DocumentSection}:MaxExpandedFields", document.MaxExpandedFields);
        var maxFragments = Positive(configuration, $"{DocumentSection}:MaxFragments", document.MaxFragments);
        var maxFragmentSpreads = Positive(configuration, $"{DocumentSection}:MaxFragmentSpreads", document.MaxFragmentSpreads);
        var maxOperations = Positive(configuration, $"{DocumentSection}:MaxOperations", document.MaxOperations);
        var maxAliases = Positive(configuration, $"{DocumentSection}:MaxAliases", document.MaxAliases);
        var maxDirectives = Positive(configuration, $"{DocumentSection}:MaxDirectives", document.MaxDirectives);

        return builder.AddGraphQLLimits(options =>
        {
            options.MaxExecutionDepth = maxDepth;
            options.MaxValidationErrors = maxValidationErrors;
            options.IntrospectionRequiresAuthentication = introspectionRequiresAuthentication;
            options.Cost.MaxFieldCost = maxFieldCost;
            options.Cost.MaxTypeCost = maxTypeCost;
            options.Cost.CountedRootPageSize = countedRootPageSize;
            options.Cost.Enforce = enforce;
            options.Document.MaxTokens = maxTokens;
            options.Document.MaxFields = maxFields;
            options.Document.MaxExpandedFields = maxExpandedFields;
            options.Document.MaxFragments = maxFragments;
            options.Document.MaxFragmentSpreads = maxFragmentSpreads;
            options.Document.MaxOperations = maxOperations;
            options.Document.MaxAliases = maxAliases;
            options.Document.MaxDirectives = maxDirectives;
        });
    }

    private static int Positive(IConfiguration configuration, string key, int defaultValue)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new StartupException($"{key} must be a whole number greater than zero (got '{text}').");
    }

    private static double Positive(IConfiguration configuration, string key, double defaultValue)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new StartupException($"{key} must be a number greater than zero (got '{text}').");
    }

    private static bool Boolean(IConfiguration configuration, string key, bool defaultValue)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return bool.TryParse(text, out var value) ? value : throw new StartupException($"{key} must be true or false (got '{text}').");
    }
}
