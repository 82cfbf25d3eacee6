using Microsoft.Extensions.Logging;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Service.Logging;

/// <summary>
/// The service's console logger: one line per entry (<see cref="JournaldLineFormatter"/>), written synchronously under
/// a lock, every line passed through the <see cref="SecretScrubber"/> first (the last line of defence: no component
/// should log a secret, and if one does, the value is masked here).
/// </summary>
public sealed class JournaldConsoleLoggerProvider : ILoggerProvider
{
    private readonly ConsoleLogTarget _target;
    private readonly SecretScrubber _scrubber;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();

    /// <summary>Creates the provider writing to <paramref name="target"/>.</summary>
    public JournaldConsoleLoggerProvider(ConsoleLogTarget target, SecretScrubber scrubber, TimeProvider? clock = null)
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
        _scrubber = scrubber ?? throw new ArgumentNullException(nameof(scrubber));
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate) _target.Writer.Flush();
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string line = _scrubber.Scrub(JournaldLineFormatter.Format(level, category, message, exception, _target.Journald, _clock.GetUtcNow()));
        lock (_gate)
        {
            _target.Writer.WriteLine(line);
            _target.Writer.Flush();
        }
    }

    private sealed class Logger(JournaldConsoleLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            ArgumentNullException.ThrowIfNull(formatter);
            provider.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
