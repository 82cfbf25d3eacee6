namespace Smallfish.Backtest.Runs;

/// <summary>Progress as plain lines (no terminal): one line when a run starts and one when it ends.</summary>
public sealed class PlainRunProgress(TextWriter output) : IRunProgress
{
    private readonly object _gate = new();

    /// <inheritdoc />
    public void Show(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work();
    }

    /// <inheritdoc />
    public IRunProgressTask Add(string name, long totalEvents) => new Task(this, name);

    private void Line(string text)
    {
        lock (_gate) output.WriteLine(text);
    }

    private sealed class Task(PlainRunProgress owner, string name) : IRunProgressTask
    {
        private bool _started;

        public void Report(long events)
        {
            if (_started) return;
            _started = true;
            owner.Line($"run {name}: started");
        }

        public void Complete(string summary) => owner.Line($"run {name}: {summary}");
    }
}
