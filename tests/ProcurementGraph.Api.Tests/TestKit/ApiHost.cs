using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// The real application in memory (same registration entry point as Program), as every in-process test hosts it: a
/// fixture is a subclass that says in <see cref="Configure"/> what its host is made of (<see cref="ApiHostBuilder"/>).
/// As an xUnit fixture (<see cref="IAsyncLifetime"/>) it serves its own copy of the seeded demo database unless
/// <see cref="InitializeAsync"/> is overridden; the copies it made are deleted with it.
/// </summary>
public abstract class ApiHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly List<string> _databases = [];

    /// <summary>The SQLite file this host serves (its first own copy of the demo database).</summary>
    public string DatabasePath => _databases.Count > 0 ? _databases[0] : throw new InvalidOperationException("The host has no database of its own (not initialised?).");

    /// <summary>Makes the host's own copy of the demo database (the host starts on first use, after this).</summary>
    public virtual async Task InitializeAsync() => await CopyDemoAsync();

    /// <summary>A client that sends <paramref name="token"/> as a bearer token (none when null).</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _databases)
        {
            TestDatabase.Delete(database);
        }

        _databases.Clear();
        GC.SuppressFinalize(this);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>A fresh copy of the demo database, deleted with this host.</summary>
    protected async Task<string> CopyDemoAsync()
    {
        var path = await TestDatabase.CopyDemoAsync();
        _databases.Add(path);
        return path;
    }

    /// <summary>What this host is made of.</summary>
    protected abstract void Configure(ApiHostBuilder host);

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var host = new ApiHostBuilder();
        Configure(host);
        host.Apply(builder);
    }
}
