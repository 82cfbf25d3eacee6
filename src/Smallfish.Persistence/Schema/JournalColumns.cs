namespace Smallfish.Persistence.Schema;

/// <summary>
/// Column names shared by the writer, the reader and the migrations. The signal columns of <c>decisions</c> are fixed
/// here (not derived from <c>SignalIds</c> at run time) so that a later change to the signal list needs a migration
/// instead of silently changing what version 1 means. A test keeps this list equal to <c>SignalIds</c>.
/// </summary>
internal static class JournalColumns
{
    /// <summary>Signal names in <c>SignalId</c> order, lower case, as used in <c>score_*</c> and <c>weight_*</c>.</summary>
    public static readonly string[] Signals =
        ["obi", "prt", "umom", "ltb", "sweep", "ice", "vwap", "regime", "cvd", "tps", "liq", "mvr", "absorb"];

    /// <summary><c>score_obi</c>, ... in signal order.</summary>
    public static readonly string[] ScoreColumns = Array.ConvertAll(Signals, s => "score_" + s);

    /// <summary><c>weight_obi</c>, ... in signal order.</summary>
    public static readonly string[] WeightColumns = Array.ConvertAll(Signals, s => "weight_" + s);
}
