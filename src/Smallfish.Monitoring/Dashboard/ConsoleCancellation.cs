namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// A cancellation token that Ctrl+C cancels (the first press cancels and keeps the process alive so the dashboard
/// can restore the terminal and exit cleanly; a second press ends the process as usual).
/// </summary>
public sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts = new();

    /// <summary>Starts listening for Ctrl+C.</summary>
    public ConsoleCancellation() => Console.CancelKeyPress += OnCancelKeyPress;

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _cts.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_cts.IsCancellationRequested) return;
        e.Cancel = true;
        _cts.Cancel();
    }
}
