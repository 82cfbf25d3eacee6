using System.Globalization;

namespace Smallfish.Hosting.Configuration;

/// <summary>Prints configuration errors for a human and gives the process exit code for them.</summary>
public static class ConfigurationErrorReporter
{
    /// <summary>The exit code of a run stopped by configuration errors.</summary>
    public const int ExitCode = 2;

    /// <summary>
    /// Writes one line per error to <paramref name="error"/> (standard error when null), then a count, and returns
    /// <see cref="ExitCode"/>.
    /// </summary>
    public static int Report(ConfigurationErrors errors, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        TextWriter writer = error ?? Console.Error;
        foreach (string line in errors.Lines) writer.WriteLine(line);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"smallfish: {errors.Errors.Count} configuration error{(errors.Errors.Count == 1 ? "" : "s")}; nothing was started (exit code {ExitCode})"));
        return ExitCode;
    }
}
