using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Smallfish.Exchanges.Tests.Support;

/// <summary>Keeps every formatted log line, its structured values and exception text (for the secrets check only).</summary>
internal sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var kv in values) text += " | " + kv.Key + "=" + kv.Value;
        }
        if (exception is not null) text += " | " + exception;
        Lines.Enqueue(text);
    }
}
