using System.Globalization;

namespace Smallfish.Hosting.Configuration;

/// <summary>Orders configuration keys segment by segment, case-insensitively, with list indexes in numeric order (2 before 10).</summary>
internal sealed class ConfigurationKeyComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static ConfigurationKeyComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        string[] a = x.Split(':');
        string[] b = y.Split(':');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            int result = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out int na)
                && int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out int nb)
                ? na.CompareTo(nb)
                : StringComparer.OrdinalIgnoreCase.Compare(a[i], b[i]);
            if (result != 0) return result;
        }

        return a.Length.CompareTo(b.Length);
    }
}
