using System.Globalization;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Time;
using Smallfish.Simulation.Venue;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>
/// A simulated exchange plus a recording strategy stub: it keeps every market event and report the engine side
/// receives, with the clock time at delivery, and lets a test react to deliveries (place an order when a book arrives).
/// Hand-made streams only; prices in ticks of 0.1, quantities in whole lots.
/// </summary>
internal sealed class VenueHarness : IMarketEventSink, IExecutionSink, IFundingSink
{
    /// <summary>2024-01-01 07:59:00 UTC: one minute before a funding time.</summary>
    public const long T0 = 1_704_095_940L * TimeProviderExtensions.NsPerSecond;

    /// <summary>2024-01-01 08:00:00 UTC.</summary>
    public const long Funding0800 = 1_704_096_000L * TimeProviderExtensions.NsPerSecond;

    public const long Ms = TimeProviderExtensions.NsPerMs;

    public const string Symbol = "TESTUSDT";

    private readonly BookUpdate _buffer = new();
    private int _orderSeq;

    public VenueHarness(SimulatedVenueOptions? options = null, params InstrumentSpec[] extra)
    {
        var specs = new List<InstrumentSpec> { Spec };
        specs.AddRange(extra);
        Clock = new SimulatedClock(T0 - 1000 * Ms);
        Exchange = new SimulatedExchange(specs, Clock, options ?? new SimulatedVenueOptions());
        Exchange.Connect(this, this, this);
    }

    /// <summary>Tick 0.1, step 1, min qty 1, min notional 5: 1 lot at 100.0 (1000 ticks) is 100 USDT.</summary>
    public static InstrumentSpec Spec { get; } = new(Symbol, 0.1m, 1m, 1m, 5m);

    public SimulatedClock Clock { get; }

    public SimulatedExchange Exchange { get; }

    public SimulatedVenue Venue => Exchange.Venue;

    public List<OrderUpdate> Updates { get; } = new();

    public List<Fill> Fills { get; } = new();

    public List<FundingPayment> Funding { get; } = new();

    /// <summary>Every delivery to the engine side, formatted, with the clock time: the full report sequence.</summary>
    public List<string> Log { get; } = new();

    /// <summary>(clock time, local ts, exchange ts) of each book message the strategy received.</summary>
    public List<(long ClockNs, long LocalNs, long ExchNs)> BooksSeen { get; } = new();

    /// <summary>Called when the strategy receives a book message (after it is logged).</summary>
    public Action<BookUpdate>? OnBookDelivered { get; set; }

    /// <summary>Called when the strategy receives a trade.</summary>
    public Action<TradeEvent>? OnTradeDelivered { get; set; }

    public long Now => Clock.NowNs;

    // ---- stream builders (pushed through the exchange at exchange time) ----

    public void Snapshot(long ts, (long Px, long Qty)[] bids, (long Px, long Qty)[] asks, int symbolId = 0, long updateId = 0) =>
        PushBook(BookUpdateKind.Snapshot, ts, bids, asks, symbolId, updateId);

    public void Delta(long ts, (long Px, long Qty)[] bids, (long Px, long Qty)[] asks, int symbolId = 0, long updateId = 0) =>
        PushBook(BookUpdateKind.Delta, ts, bids, asks, symbolId, updateId);

    public void Trade(long ts, long px, long qty, Side aggressor, int symbolId = 0) =>
        Exchange.OnTrade(new TradeEvent(symbolId, ts, 0, px, qty, aggressor));

    public void Ticker(long ts, double fundingRate, double markPrice, long nextFundingNs = 0, int symbolId = 0) =>
        Exchange.OnTicker(new TickerEvent(symbolId, ts, 0, markPrice, markPrice, markPrice, fundingRate, nextFundingNs, 0, 0));

    /// <summary>Runs the timeline to <paramref name="ns"/> inclusive (the engine "waits" until then).</summary>
    public void RunThrough(long ns) => Exchange.Timeline.RunThrough(ns);

    // ---- orders ----

    public string NextId(OrderRole role = OrderRole.Entry) => ClientOrderId.Create(1, 0, ++_orderSeq, role);

    public OrderRequest Limit(Side side, long px, long qty, TimeInForce tif, bool reduceOnly = false, string? id = null, string symbol = Symbol) =>
        new(id ?? NextId(), symbol, side, OrderType.Limit, tif, px, qty, 0, reduceOnly, reduceOnly ? OrderRole.TakeProfit : OrderRole.Entry);

    public OrderRequest Market(Side side, long qty, bool reduceOnly = false, string? id = null) =>
        new(id ?? NextId(), Symbol, side, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, qty, 0, reduceOnly, reduceOnly ? OrderRole.Exit : OrderRole.Entry);

    public OrderRequest Stop(Side side, long trigger, long qty, OrderType type = OrderType.StopMarket) =>
        new(NextId(OrderRole.StopLoss), Symbol, side, type, TimeInForce.GoodTillCancel, 0, qty, trigger, true, OrderRole.StopLoss);

    /// <summary>Sends the order now and runs until the venue has processed it and every report is back.</summary>
    public OrderRequest PlaceNow(OrderRequest request)
    {
        Venue.Place(request);
        RunThrough(Now);
        return request;
    }

    public OrderUpdate LastUpdate(string clientOrderId) => Updates.FindLast(u => u.ClientOrderId == clientOrderId);

    public List<Fill> FillsOf(string clientOrderId) => Fills.FindAll(f => f.ClientOrderId == clientOrderId);

    // ---- sinks ----

    public void OnBook(BookUpdate update)
    {
        BooksSeen.Add((Now, update.LocalTsNs, update.ExchTsNs));
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} book {update.Kind} exch={update.ExchTsNs} local={update.LocalTsNs} bid={update.Bids.Count} ask={update.Asks.Count}"));
        OnBookDelivered?.Invoke(update);
    }

    public void OnTrade(in TradeEvent trade)
    {
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} trade {trade.PriceTicks}x{trade.QtyLots} {trade.Aggressor} local={trade.LocalTsNs}"));
        OnTradeDelivered?.Invoke(trade);
    }

    public void OnBbo(in BboEvent bbo) => Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} bbo {bbo.BidTicks}/{bbo.AskTicks}"));

    public void OnTicker(in TickerEvent ticker) => Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} ticker {ticker.FundingRate} {ticker.MarkPrice}"));

    public void OnOrderUpdate(in OrderUpdate update)
    {
        Updates.Add(update);
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} update {update}"));
    }

    public void OnFill(in Fill fill)
    {
        Fills.Add(fill);
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} fill {fill}"));
    }

    public void OnFunding(in FundingPayment payment)
    {
        Funding.Add(payment);
        Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Now} funding {payment}"));
    }

    private void PushBook(BookUpdateKind kind, long ts, (long Px, long Qty)[] bids, (long Px, long Qty)[] asks, int symbolId, long updateId)
    {
        _buffer.Reset();
        _buffer.SymbolId = symbolId;
        _buffer.LastUpdateId = updateId;
        _buffer.Kind = kind;
        _buffer.ExchTsNs = ts;
        _buffer.LocalTsNs = 0;
        foreach (var (px, qty) in bids) _buffer.Bids.Add(px, qty);
        foreach (var (px, qty) in asks) _buffer.Asks.Add(px, qty);
        Exchange.OnBook(_buffer);
    }
}
