namespace Smallfish.Monitoring.Status;

/// <summary>
/// How the running symbols were chosen: the configured list or the AutoSymbols scanner, the grids' origin, and the
/// latest scheduled re-scan. The symbol table is fixed for a run: a different re-scan result applies at the next restart.
/// </summary>
public sealed record SymbolSelectionStatus
{
    /// <summary>True when the scanner picked the symbols at start.</summary>
    public bool Auto { get; init; }

    /// <summary>AutoSymbols:Count (0 = off).</summary>
    public int AutoCount { get; init; }

    /// <summary>Minutes between re-scans (meaningful when <see cref="AutoCount"/> is above 0).</summary>
    public int RescanIntervalMinutes { get; init; }

    /// <summary>Where the grids came from.</summary>
    public InstrumentGridOrigin Grids { get; init; }

    /// <summary>The running symbols, in symbol-table order.</summary>
    public IReadOnlyList<SelectedSymbol> Chosen { get; init; } = [];

    /// <summary>When the latest re-scan ran, ns since the Unix epoch (0 = none yet).</summary>
    public long RescannedAtNs { get; init; }

    /// <summary>True when the latest re-scan could not rank (endpoint unavailable).</summary>
    public bool RescanFailed { get; init; }

    /// <summary>True when the latest re-scan picked other symbols than the running ones: they apply at the next restart.</summary>
    public bool ChangesAtRestart { get; init; }

    /// <summary>The latest re-scan's top N, best first (empty before the first or after a failed one).</summary>
    public IReadOnlyList<SelectedSymbol> NextRestart { get; init; } = [];
}
