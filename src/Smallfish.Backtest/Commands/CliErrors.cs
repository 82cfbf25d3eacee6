using Smallfish.Backtest.Data;
using Smallfish.Hosting.Configuration;
using Smallfish.Simulation.Backtesting.Archives;
using Smallfish.Simulation.Recording;
using Smallfish.Simulation.Replay;

namespace Smallfish.Backtest.Commands;

/// <summary>
/// How the CLI reports the failures a user can act on: one line (or one line per configuration problem) on stderr and
/// a non-zero exit code, never a stack trace. Exit codes: 1 data (missing, corrupt, truncated), 2 configuration or
/// usage, 130 cancelled.
/// </summary>
public static class CliErrors
{
    /// <summary>Data could not be had or read.</summary>
    public const int DataError = 1;

    /// <summary>Bad configuration or command line.</summary>
    public const int UsageError = 2;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>Writes <paramref name="error"/> to <paramref name="output"/> and returns the exit code, or null when it is not a reportable failure.</summary>
    public static int? TryReport(Exception error, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var e = Unwrap(error);
        switch (e)
        {
            case ConfigurationErrors config:
                foreach (string line in config.Lines) output.WriteLine(line);
                return UsageError;
            case DataAcquisitionException data:
                output.WriteLine("error: " + data.Message);
                return data.Kind == DataErrorKind.BadRequest ? UsageError : DataError;
            case ReplayFormatException or ArchiveDataException or RecordingFormatException:
                output.WriteLine("error: bad data file: " + e.Message);
                return DataError;
            case OperationCanceledException:
                output.WriteLine("cancelled");
                return Cancelled;
            default:
                return null;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } a) e = a.InnerExceptions[0];
        return e;
    }
}
