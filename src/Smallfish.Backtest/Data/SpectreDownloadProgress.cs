using Spectre.Console;

namespace Smallfish.Backtest.Data;

/// <summary>
/// Progress bars on an interactive terminal (Spectre.Console <see cref="Progress"/>), or plain lines when the console
/// is not interactive (output redirected, CI): use <see cref="RunAsync{T}"/> around the downloads.
/// </summary>
public sealed class SpectreDownloadProgress : IDownloadProgress
{
    private readonly ProgressContext _context;

    private SpectreDownloadProgress(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="work"/> with a progress display suited to <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IDownloadProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive || (Console.IsOutputRedirected && ReferenceEquals(console, AnsiConsole.Console)))
        {
            var writer = new ConsoleLineWriter(console);
            return work(new PlainDownloadProgress(writer));
        }
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(ctx => work(new SpectreDownloadProgress(ctx)));
    }

    /// <inheritdoc />
    public IDownloadTask Begin(string name, long? totalBytes)
    {
        var task = _context.AddTask(Markup.Escape(name), autoStart: true, maxValue: totalBytes ?? 1);
        if (totalBytes is null) task.IsIndeterminate = true;
        return new Task(task);
    }

    private sealed class Task(ProgressTask task) : IDownloadTask
    {
        public void SetTotal(long totalBytes)
        {
            task.MaxValue = Math.Max(1, totalBytes);
            task.IsIndeterminate = false;
        }

        public void Advance(long bytes) => task.Increment(bytes);

        public void Complete()
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }

        public void Dispose() => task.StopTask();
    }

    private sealed class ConsoleLineWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => console.WriteLine(value ?? string.Empty);

        public override void Write(char value) => console.Write(value.ToString());
    }
}
