using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hosting;

/// <summary>
/// Every setting of the README's configuration table, given a wrong value, stops the start with one line naming the setting,
/// no "Hosting failed to start" log and no stack trace, exit code 1 (issue 14 item 9). The server runs as a process, as a user runs it.
/// </summary>
public sealed class CleanFailedStartTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CopyDemoAsync();

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_database);
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string> Rows => new()
    {
        { "Database:Provider", "Oracle", "Production" },
        { "Database:DataDirectory", "/proc/no-such-folder", "Production" },
        { "Database:MigrateOnStart", "maybe", "Production" },
        { "Database:SeedOnStart", "maybe", "Production" },
        { "Database:SeedSize", "huge", "Production" },
        { "Database:StartupTimeoutSeconds", "abc", "Production" },
        { "Database:CommandTimeoutSeconds", "0", "Production" },
        { "Database:ReadOnlyConnectionString", " ", "Production" },
        { "Database:ReadOnlyConnectionString", "Data Source", "Production" },
        { "Paging:DefaultPageSize", "0", "Production" },
        { "Paging:MaxPageSize", "abc", "Production" },
        { "Paging:MaxRootPageSize", "-5", "Production" },
        { "GraphQL:MaxDepth", "0", "Production" },
        { "GraphQL:MaxValidationErrors", "x", "Production" },
        { "GraphQL:Cost:MaxFieldCost", "0", "Production" },
        { "GraphQL:Cost:MaxTypeCost", "lots", "Production" },
        { "GraphQL:Cost:Enforce", "maybe", "Production" },
        { "GraphQL:Cost:CountedRootPageSize", "0", "Production" },
        { "GraphQL:Introspection:RequireAuthentication", "x", "Production" },
        { "GraphQL:Http:MaxRequestBodyBytes", "0", "Production" },
        { "GraphQL:ExecutionTimeoutSeconds", "0", "Production" },
        { "GraphQL:Execution:CompiledResults", "maybe", "Production" },
        { "RateLimiting:Enabled", "maybe", "Production" },
        { "RateLimiting:PermitLimit", "0", "Production" },
        { "RateLimiting:WindowSeconds", "0", "Production" },
        { "RateLimiting:QueueLimit", "-1", "Production" },
        { "Health:DatabaseTimeoutSeconds", "0", "Production" },
        { "GraphQL:Http:CacheMaxAgeSeconds", "-1", "Production" },
        { "GraphQL:Http:CacheAuthenticated", "yes", "Production" },
        { "GraphQL:TrustedDocuments:Path", "/no/such/folder", "Production" },
        { "GraphQL:TrustedDocuments:OnlyTrusted", "perhaps", "Production" },
        { "GraphQL:TrustedDocuments:OnlyTrustedForRoles:0", "", "Production" },
        { "GraphQL:TrustedDocuments:AutomaticPersistedQueries:Enabled", "x", "Production" },
        { "GraphQL:TrustedDocuments:AutomaticPersistedQueries:MaxDocuments", "0", "Production" },
        { "AzureAd:TenantId", "", "Production" },
        { "Security:RoleClaimType", " ", "Production" },
        { "Security:SupplierClaimType", " ", "Production" },
        { "Security:BusinessUnitClaimType", " ", "Production" },
        { "Security:RequiredScope", " ", "Production" },
        { "Security:DevelopmentIdentity:Enabled", "true", "Production" },
        { "Security:DevelopmentTokens:Enabled", "true", "Production" },
        { "Security:PartnerRowRulesCacheSize", "0", "Production" },
        { "Security:DevelopmentIdentity:Enabled", "maybe", "Development" },
        { "Urls", "nonsense", "Production" },
        { "ShutdownTimeoutSeconds", "0", "Production" },
        { "GraphQL:Document:MaxTokens", "0", "Production" },
        { "GraphQL:Document:MaxFields", "many", "Production" },
        { "GraphQL:Document:MaxExpandedFields", "-1", "Production" },
        { "GraphQL:Document:MaxFragments", "0", "Production" },
        { "GraphQL:Document:MaxFragmentSpreads", "0", "Production" },
        { "GraphQL:Document:MaxOperations", "0", "Production" },
        { "GraphQL:Document:MaxAliases", "0", "Production" },
        { "GraphQL:Document:MaxDirectives", "0", "Production" },
        { "GraphQL:Ide:Enabled", "maybe", "Production" },
        { "Cors:AllowCredentials", "maybe", "Production" },
        { "Cors:MaxAgeSeconds", "-1", "Production" },
        { "GraphQL:Subscriptions:ConnectionInitTimeoutSeconds", "0", "Production" },
        { "GraphQL:Subscriptions:MaxSubscriptionsPerConnection", "many", "Production" },
        { "GraphQL:Subscriptions:MaxConnectionsPerCaller", "0", "Production" },
        { "GraphQL:Subscriptions:MaxQueuedEvents", "-1", "Production" },
        { "GraphQL:Subscriptions:SendBufferMessages", "0", "Production" },
        { "GraphQL:Subscriptions:KeepAliveSeconds", "-1", "Production" },
        { "Redis:ConnectionString", "localhost:6379,password=secret,nosuchoption=1", "Production" },
        { "Redis:ConnectionString", ",", "Production" },
        { "Redis:KeyPrefix", " ", "Production" },
        { "Redis:PersistedQueryTtlHours", "0", "Production" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_wrong_value_stops_the_start_with_one_line_naming_the_setting(string setting, string value, string environment)
    {
        // Arrange: a valid configuration but for the one setting (the database and the app registration included).
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Database__ConnectionString"] = TestDatabase.ConnectionString(_database),
            ["Database__MigrateOnStart"] = "false",
            ["Database__SeedOnStart"] = "false",
            ["AzureAd__TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["AzureAd__ClientId"] = "22222222-2222-2222-2222-222222222222",
        };
        if (setting == "Database:DataDirectory")
        {
            variables.Remove("Database__ConnectionString");
        }

        variables[setting.Replace(":", "__", StringComparison.Ordinal)] = value;

        // Act
        var result = await ApiProcess.RunAsync([], [.. variables.Select(v => (v.Key, v.Value))]);

        // Assert
        var output = result.StandardOutput + result.StandardError;
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}: {output}");
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var named = setting.StartsWith("AzureAd:", StringComparison.Ordinal) ? "AzureAd:TenantId" : setting;
        Assert.True(line.StartsWith(named, StringComparison.Ordinal), line);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        if (setting == "Redis:ConnectionString")
        {
            Assert.DoesNotContain("secret", output, StringComparison.Ordinal); // a connection string may hold a password
        }
    }
}
