namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// Checks the values of the README's settings before anything is built, so a wrong value stops the start (and the CLI)
/// with one line naming the setting instead of a binder or options exception with its stack trace. Settings whose own
/// code already stops with such a line (the database provider and connection string, <c>GraphQL:*</c> limits, the
/// security claims, ...) are checked there; this table holds the ones that are bound as they are.
/// </summary>
public static class ConfigurationCheck
{
    public static IReadOnlyList<ConfigurationRule> Rules { get; } =
    [
        ConfigurationRule.Boolean("Database:MigrateOnStart"),
        ConfigurationRule.Boolean("Database:SeedOnStart"),
        ConfigurationRule.OneOf("Database:SeedSize", "demo", "large"),
        ConfigurationRule.PositiveInteger("Database:StartupTimeoutSeconds"),
        ConfigurationRule.PositiveInteger("Database:CommandTimeoutSeconds"),
        ConfigurationRule.NotEmpty("Database:ReadOnlyConnectionString"),
        ConfigurationRule.PositiveInteger("Paging:DefaultPageSize"),
        ConfigurationRule.PositiveInteger("Paging:MaxPageSize"),
        ConfigurationRule.PositiveInteger("Paging:MaxRootPageSize"),
        ConfigurationRule.PositiveLong("GraphQL:Http:MaxRequestBodyBytes"),
        ConfigurationRule.NonNegativeInteger("GraphQL:Http:CacheMaxAgeSeconds"),
        ConfigurationRule.Boolean("GraphQL:Http:CacheAuthenticated"),
        ConfigurationRule.Boolean("GraphQL:Execution:CompiledResults"),
        ConfigurationRule.NonNegativeInteger("GraphQL:Execution:DocumentCacheSize"),
        ConfigurationRule.Boolean("RateLimiting:Enabled"),
        ConfigurationRule.Boolean("GraphQL:TrustedDocuments:OnlyTrusted"),
        ConfigurationRule.NotEmpty("GraphQL:TrustedDocuments:Path"),
        ConfigurationRule.Boolean("GraphQL:TrustedDocuments:AutomaticPersistedQueries:Enabled"),
        ConfigurationRule.PositiveInteger("GraphQL:TrustedDocuments:AutomaticPersistedQueries:MaxDocuments"),
        ConfigurationRule.Boolean("Security:DevelopmentIdentity:Enabled"),
        ConfigurationRule.Boolean("Security:DevelopmentTokens:Enabled"),
        ConfigurationRule.PositiveInteger("Security:PartnerRowRulesCacheSize"),
        ConfigurationRule.Urls("Urls"),
        ConfigurationRule.PositiveInteger("ShutdownTimeoutSeconds"),
        ConfigurationRule.PositiveInteger("GraphQL:Subscriptions:ConnectionInitTimeoutSeconds"),
        ConfigurationRule.PositiveInteger("GraphQL:Subscriptions:MaxSubscriptionsPerConnection"),
        ConfigurationRule.PositiveInteger("GraphQL:Subscriptions:MaxConnectionsPerCaller"),
        ConfigurationRule.PositiveInteger("GraphQL:Subscriptions:MaxQueuedEvents"),
        ConfigurationRule.PositiveInteger("GraphQL:Subscriptions:SendBufferMessages"),
        ConfigurationRule.NonNegativeInteger("GraphQL:Subscriptions:KeepAliveSeconds"),
        ConfigurationRule.RedisConnectionString(ReplicasRegistration.ConnectionStringSetting),
        ConfigurationRule.NotEmpty("Redis:KeyPrefix"),
        ConfigurationRule.PositiveInteger("Redis:PersistedQueryTtlHours"),
        ConfigurationRule.Boolean("Cors:AllowCredentials"),
        ConfigurationRule.NonNegativeInteger("Cors:MaxAgeSeconds"),
    ];

    /// <summary>Throws a <see cref="StartupException"/> for the first setting whose value breaks its rule.</summary>
    public static void Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var rule in Rules)
        {
            if (configuration[rule.Key] is { } value && rule.Check(value) is { } error)
            {
                throw new StartupException(error);
            }
        }

        var roles = configuration.GetSection("GraphQL:TrustedDocuments:OnlyTrustedForRoles").GetChildren();
        if (roles.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Value) && !r.GetChildren().Any()) is { } empty)
        {
            throw new StartupException($"GraphQL:TrustedDocuments:OnlyTrustedForRoles:{empty.Key} must be a role name (got '{empty.Value}').");
        }
    }
}
