namespace Smallfish.Backtest.Runs;

/// <summary>Progress of the runs of a backtest: a Spectre progress display on a terminal, plain lines otherwise.</summary>
public interface IRunProgress
{
    /// <summary>Runs <paramref name="work"/> while the display is up (Spectre needs to own the console meanwhile).</summary>
    void Show(Action work);

    /// <summary>Adds a task for a run that will replay <paramref name="totalEvents"/> events. Thread-safe.</summary>
    IRunProgressTask Add(string name, long totalEvents);
}

/// <summary>One run's progress. Thread-safe.</summary>
public interface IRunProgressTask
{
    /// <summary>Events replayed so far.</summary>
    void Report(long events);

    /// <summary>The run finished; <paramref name="summary"/> is a short line.</summary>
    void Complete(string summary);
}
