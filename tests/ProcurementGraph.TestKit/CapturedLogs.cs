using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProcurementGraph.TestKit;

/// <summary>
/// A logger provider that keeps every formatted log line (<c>"{level} {category}: {message}"</c>, then
/// <c>" {ExceptionType}: {exception message}"</c> when an exception was logged), so tests can assert what was logged.
/// Add it with <c>logging.AddProvider(logs)</c>; the host's own minimum level still applies before this one.
/// </summary>
/// <param name="minimumLevel">The lowest level kept (Debug unless told: Trace lines are EF's and the framework's chatter).</param>
public sealed class CapturedLogs(LogLevel minimumLevel = LogLevel.Debug) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly LogLevel _minimumLevel = minimumLevel;

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= logs._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            logs._lines.Enqueue(exception is null ? line : $"{line} {exception.GetType().Name}: {exception.Message}");
        }
    }
}
