using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>
/// A real <c>redis-server</c> of the test's own on a free loopback port (no persistence), stopped by its process id. When the
/// machine has none, <c>tests/lib/ensure-redis.sh</c> installs Debian's (as root) or says what to install.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The <c>Redis:ConnectionString</c> of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port and returns once it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("redis-server is running.");
        }

        var executable = await ExecutableAsync();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                string log;
                lock (output) { log = output.ToString(); }
                throw new InvalidOperationException($"redis-server on port {Port} did not answer: {log}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the server (kill by its process id, then wait for it to exit).</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> ExecutableAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (Find() is { } found)
            {
                return found;
            }

            var script = Path.Combine(RepositoryRoot.Path, "tests", "lib", "ensure-redis.sh");
            using var install = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("bash did not start");
            var error = install.StandardError.ReadToEndAsync();
            var output = install.StandardOutput.ReadToEndAsync();
            await install.WaitForExitAsync();
            return install.ExitCode == 0 && Find() is { } installed
                ? installed
                : throw new InvalidOperationException($"redis-server is missing and {script} could not install it: {await error}{await output}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
}
