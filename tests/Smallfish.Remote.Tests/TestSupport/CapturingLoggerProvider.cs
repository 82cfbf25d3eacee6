using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>One captured log call: everything that could reach a sink (message, structured values, exception).</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Everything);

/// <summary>Captures every log call at every level, with its structured values and exception text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public int Count(int eventId) => Entries.Count(e => e.EventId.Id == eventId);

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sb = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values) sb.Append(" | ").Append(key).Append('=').Append(value);
            }
            if (exception is not null) sb.Append(" | ").Append(exception);
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, sb.ToString()));
        }
    }
}
