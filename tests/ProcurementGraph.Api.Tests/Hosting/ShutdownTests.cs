using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Hosting;

/// <summary>
/// The built server as a process, on Kestrel: SIGTERM ends it within the host's shutdown timeout while a request is stuck
/// (here on a locked database), it sends no <c>Server</c> header, and in Development it answers only loopback host names.
/// </summary>
public sealed partial class ShutdownTests
{
    [Fact]
    public async Task Sigterm_ends_the_process_within_the_shutdown_timeout_while_a_request_runs()
    {
        var database = await TestDatabase.CopyDemoAsync();
        try
        {
            using var server = await RunningServer.StartAsync(database, ("ShutdownTimeoutSeconds", "2"));
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            var warm = await http.PostAsync("/graphql", Json("{ strategicGoals(first: 1) { nodes { code } } }"));
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

            using var locker = new SqliteConnection(TestDatabase.ConnectionString(database));
            await locker.OpenAsync();
            await using (var command = locker.CreateCommand())
            {
                command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM Suppliers;";
                await command.ExecuteScalarAsync();
            }

            // Waits on the lock: the command and execution timeouts are 60 s.
            var stuck = http.PostAsync("/graphql", Json("{ suppliers(first: 1) { nodes { name } } }"));
            await Task.Delay(1_000);
            Assert.False(stuck.IsCompleted, "the request was expected to wait on the lock");

            var clock = Stopwatch.StartNew();
            server.Terminate();
            var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(15));

            Assert.True(exited, "the process was still running 15 s after SIGTERM");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"exited {clock.Elapsed} after SIGTERM (shutdown timeout 2 s)");
            _ = await Record.ExceptionAsync(() => stuck); // answered or cut off, either is fine once the host stops
        }
        finally
        {
            TestDatabase.Delete(database);
        }
    }

    [Fact]
    public async Task Development_answers_loopback_host_names_only_and_names_no_server()
    {
        var database = await TestDatabase.CopyDemoAsync();
        try
        {
            using var server = await RunningServer.StartAsync(database);
            using var http = new HttpClient { BaseAddress = server.Address };

            var loopback = await http.PostAsync("/graphql", Json("{ me { name } }"));
            using var rebound = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("{ me { name } }") };
            rebound.Headers.Host = "attacker.example";
            var foreign = await http.SendAsync(rebound);
            using var named = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            named.Headers.Host = $"localhost:{server.Address.Port}";
            var localhost = await http.SendAsync(named);

            Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
            Assert.False(loopback.Headers.Contains("Server"), "the response names the server");
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.DoesNotContain("Development User", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, localhost.StatusCode);
        }
        finally
        {
            TestDatabase.Delete(database);
        }
    }

    private static StringContent Json(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");

    [GeneratedRegex(@"GraphQL endpoint: (http://127\.0\.0\.1:\d+)/graphql")]
    private static partial Regex EndpointLine();

    /// <summary>The built server in Development on a free loopback port over <c>database</c>, stopped by SIGTERM or disposal.</summary>
    private sealed class RunningServer : IDisposable
    {
        private readonly Process _process;

        private RunningServer(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<RunningServer> StartAsync(string database, params (string Name, string Value)[] settings)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ProcurementGraph.Api.dll"));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["Database__ConnectionString"] = TestDatabase.ConnectionString(database);
            start.Environment["Database__MigrateOnStart"] = "false";
            start.Environment["Database__SeedOnStart"] = "false";
            start.Environment["Database__CommandTimeoutSeconds"] = "60";
            start.Environment["GraphQL__ExecutionTimeoutSeconds"] = "60";
            start.Environment["RateLimiting__Enabled"] = "false";
            foreach (var (name, value) in settings)
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (EndpointLine().Match(line) is { Success: true } match)
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new RunningServer(process, new Uri(match.Groups[1].Value));
                }
            }

            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the server exited before it listened");
        }

        public void Terminate()
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        public async Task<bool> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cancel.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
