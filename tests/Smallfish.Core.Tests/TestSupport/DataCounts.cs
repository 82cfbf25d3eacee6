namespace Smallfish.Core.Tests.TestSupport;

/// <summary>The per-file counts that shared/data/real/README.md states for the hftbacktest recordings.</summary>
internal static class DataCounts
{
    public sealed record HftFile(string Name, long Lines, long Depth, long Trades, long BookTickers, long Snapshots);

    public static readonly HftFile[] HftBacktest =
    [
        new("btcusdt_20240718.gz", 11_414, 3_326, 974, 7_113, 1),
        new("btcusdt_20240719.gz", 60_570, 5_696, 9_727, 45_147, 0),
        new("ethusdt_20240718.gz", 14_003, 3_273, 1_640, 9_089, 1),
        new("ethusdt_20240719.gz", 55_910, 5_656, 12_015, 38_239, 0),
        new("btcusdt_20240808.gz", 93_954, 6_551, 21_313, 66_089, 1),
        new("ethusdt_20240808.gz", 74_655, 6_586, 14_076, 53_992, 1),
    ];

    public static HftFile Of(string path) => HftBacktest.Single(f => f.Name == Path.GetFileName(path));
}
