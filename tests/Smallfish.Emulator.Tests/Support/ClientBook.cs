using System.Collections.Concurrent;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Exchanges.Abstractions;

namespace Smallfish.Emulator.Tests.Support;

/// <summary>
/// What the engine's market-data service does with one symbol's public stream, in miniature: apply every book message
/// through the exchange's synchronizer, drop the book on a resync signal, ask the client for a fresh snapshot on a gap,
/// and keep the trades. Events arrive on the client's public consumer task; the test reads under the lock.
/// </summary>
internal sealed class ClientBook : IMarketEventSink
{
    private readonly object _gate = new();
    private readonly IBookSynchronizer _sync;
    private readonly ConcurrentQueue<Task> _resyncs = new();

    public ClientBook(ExchangeKind kind, InstrumentSpec spec, int symbolId = 0)
    {
        Spec = spec;
        SymbolId = symbolId;
        Book = new OrderBook(spec, symbolId);
        _sync = kind == ExchangeKind.Bybit ? new BybitBookSynchronizer(Book) : new BinanceBookSynchronizer(Book);
    }

    public InstrumentSpec Spec { get; }

    public int SymbolId { get; }

    public OrderBook Book { get; }

    public IExchangeStreamClient? Client { get; private set; }

    public int Snapshots { get; private set; }

    public int Gaps { get; private set; }

    public int ResyncSignals { get; private set; }

    public ConcurrentQueue<TradeEvent> Trades { get; } = new();

    public ConcurrentQueue<TickerEvent> Tickers { get; } = new();

    public ConcurrentQueue<BboEvent> Bbos { get; } = new();

    /// <summary>Connects the harness to a client's resync signals and snapshot requests.</summary>
    public void Attach(IExchangeStreamClient client)
    {
        Client = client;
        client.ResyncRequired += s =>
        {
            if (s.IsPrivate || s.Symbol != Spec.Symbol) return;
            lock (_gate)
            {
                ResyncSignals++;
                _sync.Reset(BookInvalidReason.Disconnected);
            }
        };
    }

    public void OnBook(BookUpdate update)
    {
        if (update.SymbolId != SymbolId) return;
        lock (_gate)
        {
            if (update.Kind == BookUpdateKind.Snapshot) Snapshots++;
            var result = _sync.Apply(update);
            if (result is BookSyncResult.Gap or BookSyncResult.Crossed or BookSyncResult.StaleSnapshot)
            {
                Gaps++;
                if (Client is not null) _resyncs.Enqueue(Client.RequestBookResyncAsync(Spec.Symbol));
            }
        }
    }

    public void OnTrade(in TradeEvent trade)
    {
        if (trade.SymbolId == SymbolId) Trades.Enqueue(trade);
    }

    public void OnBbo(in BboEvent bbo)
    {
        if (bbo.SymbolId == SymbolId) Bbos.Enqueue(bbo);
    }

    public void OnTicker(in TickerEvent ticker)
    {
        if (ticker.SymbolId == SymbolId) Tickers.Enqueue(ticker);
    }

    public bool IsValid
    {
        get { lock (_gate) return Book.IsValid; }
    }

    public long LastUpdateId
    {
        get { lock (_gate) return Book.LastUpdateId; }
    }

    /// <summary>True when the book is valid and holds exactly the expected levels.</summary>
    public bool Matches(BookUpdate expected)
    {
        lock (_gate) return Book.IsValid && Same(Book.Bids, expected.Bids) && Same(Book.Asks, expected.Asks);
    }

    /// <summary>A readable difference for assertion messages.</summary>
    public string Describe(BookUpdate expected)
    {
        lock (_gate)
        {
            return $"valid={Book.IsValid} u={Book.LastUpdateId} bids {Book.Bids.Count}/{expected.Bids.Count} asks {Book.Asks.Count}/{expected.Asks.Count} "
                + $"best {Book.BestBid}/{Book.BestAsk} vs {(expected.Bids.Count > 0 ? expected.Bids.PriceAt(0) : 0)}/{(expected.Asks.Count > 0 ? expected.Asks.PriceAt(0) : 0)}";
        }
    }

    /// <summary>Waits for every snapshot request the harness made.</summary>
    public async Task DrainAsync()
    {
        while (_resyncs.TryDequeue(out var t)) await t;
    }

    private static bool Same(BookSide side, LevelList expected)
    {
        if (side.Count != expected.Count) return false;
        for (int i = 0; i < expected.Count; i++)
        {
            if (side.PriceAt(i) != expected.PriceAt(i) || side.QtyAt(i) != expected.QtyAt(i)) return false;
        }
        return true;
    }
}
