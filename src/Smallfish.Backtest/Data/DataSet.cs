namespace Smallfish.Backtest.Data;

/// <summary>The files a backtest will replay, and what the catalog has to say about them.</summary>
/// <param name="Files">Files in a deterministic order: symbol, day, format, path.</param>
/// <param name="Notes">One-line remarks for the user (optional data missing, undated recordings used, files not replayable).</param>
/// <param name="Downloaded">Files fetched from the archive in this run.</param>
/// <param name="CacheHits">Files found complete in the cache.</param>
public sealed record DataSet(IReadOnlyList<DataFile> Files, IReadOnlyList<string> Notes, int Downloaded, int CacheHits)
{
    /// <summary>The files for one symbol (multi-symbol recordings included: their readers skip other symbols).</summary>
    public IReadOnlyList<DataFile> For(string symbol) => Files.Where(f => f.Covers(symbol)).ToList();
}
