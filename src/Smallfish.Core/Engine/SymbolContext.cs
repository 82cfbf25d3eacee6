using Smallfish.Core.Brackets;
using Smallfish.Core.Configuration;
using Smallfish.Core.Execution;
using Smallfish.Core.Grid;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Risk;
using Smallfish.Core.Signals;
using Smallfish.Core.State;

namespace Smallfish.Core.Engine;

/// <summary>Everything the engine keeps for one symbol: its book, options, router, brackets and decision memory.</summary>
internal sealed class SymbolContext
{
    private const long Ms = 1_000_000;

    public SymbolContext(int id, InstrumentSpec spec, SymbolScopedOptions options, OrderBook book, IBookSynchronizer sync,
        OrderEmitter emitter, long run, bool stopMovesByReplace = false)
    {
        Id = id;
        Symbol = spec.Symbol;
        Spec = spec;
        Options = options;
        Book = book;
        Sync = sync;
        Router = new EntryRouter(id, book, options.Routing, options.Fusion.EnterConfidence, emitter, run);
        Brackets = new BracketManager(id, book, options.Risk, options.Routing, emitter, run, stopMovesByReplace);
        Stop = new StopRule(options.Risk.Stop);
        Limits = GateLimits.From(options.Gates, options.Risk);
        Tiers = DrawdownTier.FromOptions(options.Risk.DrawdownTiers);
        EntryOffsetTicks = options.Routing.EntryOffsetTicks;
        SlippageBreachTicks = options.Risk.SlippageBreachTicks;
        ShadowTimeoutNs = (options.Risk.TimeStopSeconds > 0 ? options.Risk.TimeStopSeconds : 3600) * 1000L * Ms;
    }

    public int Id { get; }

    public string Symbol { get; }

    public InstrumentSpec Spec { get; }

    public SymbolScopedOptions Options { get; }

    public OrderBook Book { get; }

    public IBookSynchronizer Sync { get; }

    public FundingTimes Funding { get; } = new();

    public EntryRouter Router { get; }

    public BracketManager Brackets { get; }

    public StopRule Stop { get; }

    public GateLimits Limits { get; }

    public DrawdownTier[] Tiers { get; }

    public long EntryOffsetTicks { get; }

    public long SlippageBreachTicks { get; }

    public long ShadowTimeoutNs { get; }

    /// <summary>The symbol's multigrid, or null when the grid does not trade it (then the scalper does).</summary>
    public GridStrategy? Grid { get; set; }

    /// <summary>The symbol's reusable fusion buffer.</summary>
    public FusionResult Fusion { get; } = new();

    /// <summary>Decision time of the last applied book message, ns.</summary>
    public long LastBookNs { get; set; }

    /// <summary>True while the previous evaluation wanted an entry (coalesces repeated blocked decisions).</summary>
    public bool LastWanted { get; set; }

    /// <summary>Gate outcome of the last recorded decision.</summary>
    public GateReason LastGate { get; set; }

    /// <summary>Direction of the last recorded decision.</summary>
    public int LastDirection { get; set; }
}
