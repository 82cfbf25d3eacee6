namespace Smallfish.Service.Symbols;

/// <summary>The latest scheduled re-scan, shared between the re-scan service and the status endpoint.</summary>
public sealed class SymbolScanState
{
    private SymbolRescan? _last;

    /// <summary>The latest re-scan, or null before the first.</summary>
    public SymbolRescan? Last => Volatile.Read(ref _last);

    /// <summary>Number of re-scans run (failed ones included).</summary>
    public int Count { get; private set; }

    /// <summary>Records a re-scan.</summary>
    public void Record(SymbolRescan rescan)
    {
        ArgumentNullException.ThrowIfNull(rescan);
        Volatile.Write(ref _last, rescan);
        Count++;
    }
}
