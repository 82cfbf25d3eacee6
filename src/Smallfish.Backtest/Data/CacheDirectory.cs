namespace Smallfish.Backtest.Data;

/// <summary>Where downloaded archives are kept: <c>$XDG_CACHE_HOME/smallfish</c>, else <c>~/.cache/smallfish</c>.</summary>
public static class CacheDirectory
{
    /// <summary>The default cache folder, from the given environment lookup (the process environment when null).</summary>
    public static string Default(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "smallfish");
        string? home = environment("HOME");
        if (string.IsNullOrWhiteSpace(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "smallfish");
    }
}
