namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// A check the server runs once it is built and before it starts (<see cref="StartupChecks.RunStartupChecks"/>), never for
/// the CLI verbs. A failure is a <see cref="StartupException"/>: one line, exit code 1, and — unlike a hosted service that
/// throws — no "Hosting failed to start" log with a stack trace.
/// </summary>
public interface IStartupCheck
{
    void Run();
}
