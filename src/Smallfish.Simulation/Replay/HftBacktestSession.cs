using System.Globalization;

namespace Smallfish.Simulation.Replay;

/// <summary>
/// One symbol's continuous hftbacktest recording: the collector rolls files at UTC midnight, so files of one symbol
/// on consecutive days (<c>btcusdt_20240718.gz</c>, <c>btcusdt_20240719.gz</c>) form one session, read in date order.
/// </summary>
/// <param name="Symbol">Upper-case symbol.</param>
/// <param name="Files">The session's files in date order.</param>
public sealed record HftBacktestSession(string Symbol, IReadOnlyList<string> Files)
{
    /// <summary>Groups the <c>&lt;symbol&gt;_&lt;yyyyMMdd&gt;.gz</c> files of <paramref name="directory"/> into sessions.</summary>
    public static IReadOnlyList<HftBacktestSession> Discover(string directory)
    {
        var dated = new List<(string Symbol, DateOnly Date, string Path)>();
        foreach (string path in Directory.GetFiles(directory, "*_*.gz"))
        {
            string name = System.IO.Path.GetFileNameWithoutExtension(path);
            int us = name.LastIndexOf('_');
            if (us <= 0 || !DateOnly.TryParseExact(name[(us + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            dated.Add((name[..us].ToUpperInvariant(), date, path));
        }
        dated.Sort((a, b) => a.Symbol != b.Symbol ? string.CompareOrdinal(a.Symbol, b.Symbol) : a.Date.CompareTo(b.Date));

        var sessions = new List<HftBacktestSession>();
        List<string>? files = null;
        for (int i = 0; i < dated.Count; i++)
        {
            bool continues = i > 0 && dated[i].Symbol == dated[i - 1].Symbol && dated[i].Date == dated[i - 1].Date.AddDays(1);
            if (!continues)
            {
                files = new List<string>();
                sessions.Add(new HftBacktestSession(dated[i].Symbol, files));
            }
            files!.Add(dated[i].Path);
        }
        return sessions;
    }
}
