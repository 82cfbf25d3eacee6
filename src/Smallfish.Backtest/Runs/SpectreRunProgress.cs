using Spectre.Console;

namespace Smallfish.Backtest.Runs;

/// <summary>Progress as Spectre progress bars, one per run, on a terminal.</summary>
public sealed class SpectreRunProgress(IAnsiConsole console) : IRunProgress
{
    private readonly object _gate = new();
    private ProgressContext? _context;

    /// <inheritdoc />
    public void Show(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                _context = ctx;
                work();
            });
        _context = null;
    }

    /// <inheritdoc />
    public IRunProgressTask Add(string name, long totalEvents)
    {
        lock (_gate)
        {
            var ctx = _context ?? throw new InvalidOperationException("Add is only valid inside Show");
            return new Task(ctx.AddTask(Markup.Escape(name), maxValue: Math.Max(1, totalEvents)));
        }
    }

    private sealed class Task(ProgressTask task) : IRunProgressTask
    {
        public void Report(long events) => task.Value = Math.Min(events, task.MaxValue);

        public void Complete(string summary)
        {
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(task.Description + " " + summary);
            task.StopTask();
        }
    }
}
