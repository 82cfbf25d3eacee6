namespace Smallfish.Service.Logging;

/// <summary>Where console log lines go and in which format.</summary>
/// <param name="Writer">The writer (standard output in the service).</param>
/// <param name="Journald">True for journald priority prefixes, false for the terminal format.</param>
public sealed record ConsoleLogTarget(TextWriter Writer, bool Journald)
{
    /// <summary>
    /// True when standard output goes to the journal: systemd sets <c>JOURNAL_STREAM</c> for a unit whose output is
    /// connected to journald (and <c>INVOCATION_ID</c> for every unit it starts).
    /// </summary>
    public static bool IsUnderSystemd(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Has(environment, "JOURNAL_STREAM") || Has(environment, "INVOCATION_ID");
    }

    private static bool Has(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out string? value) && !string.IsNullOrEmpty(value);
}
