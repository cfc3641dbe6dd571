using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProcurementGraph.Api.Tests.TestKit;

/// <summary>A logger provider that keeps every formatted log line, so tests can assert what the server logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            logs._lines.Enqueue(exception is null ? line : $"{line} {exception.GetType().Name}: {exception.Message}");
        }
    }
}
