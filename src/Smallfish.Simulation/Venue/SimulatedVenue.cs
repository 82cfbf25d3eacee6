using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;
using Smallfish.Core.Recovery;
using Smallfish.Simulation.Venue.Faults;
using Smallfish.Simulation.Venue.Matching;
using Smallfish.Simulation.Venue.Positions;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Simulation.Venue;

/// <summary>
/// The simulated exchange's matching engine: one model shared by the backtest, paper trading and the loopback venue
/// emulator. The engine talks to it through <see cref="IOrderCommands"/> and hears back through
/// <see cref="IExecutionSink"/> (and <see cref="IFundingSink"/>); the market stream reaches it through
/// <see cref="IMarketEventSink"/> at exchange time, and it keeps its own view of each book from the same messages.
/// </summary>
/// <remarks>
/// <para>Time: commands are stamped with the clock's time when the engine sends them and reach the matching engine
/// after the entry delay; reports leave at match time and reach the engine after the response delay. Both travel on
/// the <see cref="SimulationTimeline"/>, which whoever drives the simulation advances (see
/// <see cref="SimulatedExchange"/>). Market events are matched at their exchange time. The venue never reads a wall
/// clock, starts no thread and does no I/O; the same inputs give the same reports.</para>
/// <para>Fill model: post-only and GTC orders join the back of their level's queue and fill only when trades consume
/// the queue ahead (see <see cref="Queue.QueuePosition"/>); market and IOC orders walk the book; conditional orders
/// trigger on the trade price and execute as market orders. Fees per <see cref="SimulatedVenueOptions.Fees"/>,
/// funding per <see cref="SimulatedVenueOptions.Funding"/>. BBO events are ignored: the venue matches against depth.</para>
/// <para>Reports: an accepted resting or conditional order is acknowledged with <see cref="OrderStatus.New"/>; every
/// fill is reported as a <see cref="Fill"/> followed by an <see cref="OrderUpdate"/> (a taker order's fills are
/// followed by one final update); refusals come as updates with status <see cref="OrderStatus.Rejected"/> (or
/// <see cref="OrderStatus.Expired"/> for a post-only order that would take) and a <see cref="RejectReason"/>. A cancel or
/// amend for an order that is not working answers with <see cref="RejectReason.OrderNotFound"/> and the order's final
/// status when the venue knows it (<see cref="OrderStatus.Rejected"/> when it never saw the id). A client order id is
/// taken once the venue accepts an order; reusing it is refused with <see cref="RejectReason.DuplicateClientOrderId"/>,
/// while an id whose order was refused may be retried.</para>
/// <para>Not modelled: our own orders' impact on the recorded market beyond the liquidity a taker removes until the
/// next book message; self-trade prevention; liquidation; price bands. Amending an armed conditional order moves its
/// trigger (Bybit amends <c>triggerPrice</c>, bybit-v5.md §4.9; a Binance gateway cancels and re-places instead).</para>
/// </remarks>
public sealed class SimulatedVenue : IOrderCommands, IMarketEventSink
{
    private readonly VenueState _state;
    private readonly CommandChannel _commands;
    private readonly ReportChannel _reports;
    private readonly RestingMatcher _resting;
    private readonly FundingSettler _funding;

    /// <summary>
    /// Creates a venue for <paramref name="instruments"/>; an instrument's index in the list is the symbol id its
    /// market events carry. Connect the engine with <see cref="Connect"/> before the first report is due.
    /// </summary>
    public SimulatedVenue(IReadOnlyList<InstrumentSpec> instruments, SimulationTimeline timeline, SimulatedVenueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(timeline);
        options ??= new SimulatedVenueOptions();
        Options = options;
        Timeline = timeline;
        Faults = new VenueFaults(options.FaultSeed);
        Account = new VenueAccount(options.InitialBalance);
        _state = new VenueState(instruments, options, Faults, Account);
        _reports = new ReportChannel(timeline, options.Latency, Faults);
        var recorder = new ExecutionRecorder(_reports, options.Fees, Account);
        var taker = new TakerExecution(recorder, Faults);
        var entry = new OrderEntry(_state, recorder, taker);
        _commands = new CommandChannel(timeline, options.Latency, entry.Execute);
        _resting = new RestingMatcher(_state, recorder, taker);
        _funding = new FundingSettler(_state, recorder, timeline);
    }

    /// <summary>The models this venue was built with.</summary>
    public SimulatedVenueOptions Options { get; }

    /// <summary>The timeline the venue's commands and reports travel on.</summary>
    public SimulationTimeline Timeline { get; }

    /// <summary>Fault injection switches (all off by default).</summary>
    public VenueFaults Faults { get; }

    /// <summary>The simulated wallet.</summary>
    public VenueAccount Account { get; }

    /// <summary>Commands sent by the engine that have not reached the matching engine yet.</summary>
    public int CommandsInFlight => _commands.Pending;

    /// <summary>Reports produced by the venue that have not reached the engine yet.</summary>
    public int ReportsInFlight => _reports.Pending;

    /// <summary>
    /// Connects the engine's sinks. Funding settlements go to <paramref name="funding"/>, or to
    /// <paramref name="executions"/> when it also implements <see cref="IFundingSink"/>; otherwise they are booked in
    /// the venue's ledgers only.
    /// </summary>
    public void Connect(IExecutionSink executions, IFundingSink? funding = null)
    {
        ArgumentNullException.ThrowIfNull(executions);
        _reports.Connect(executions, funding ?? executions as IFundingSink);
    }

    /// <inheritdoc />
    public void Place(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _commands.Send(new VenueCommand(VenueCommandKind.Place, request, request.Symbol, request.ClientOrderId, 0, 0, Timeline.NowNs));
    }

    /// <inheritdoc />
    public void Cancel(string symbol, string clientOrderId) =>
        _commands.Send(new VenueCommand(VenueCommandKind.Cancel, null, symbol, clientOrderId, 0, 0, Timeline.NowNs));

    /// <inheritdoc />
    public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots) =>
        _commands.Send(new VenueCommand(VenueCommandKind.Amend, null, symbol, clientOrderId, newPriceTicks, newQtyLots, Timeline.NowNs));

    /// <inheritdoc />
    public void OnBook(BookUpdate update)
    {
        if (!_state.TryGetSymbol(update.SymbolId, out var symbol)) return;
        _funding.OnMarketEvent(symbol, update.ExchTsNs);
        symbol.Sync.Apply(update);
        _resting.OnBook(symbol, update.ExchTsNs);
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade)
    {
        if (!_state.TryGetSymbol(trade.SymbolId, out var symbol)) return;
        _funding.OnMarketEvent(symbol, trade.ExchTsNs);
        _resting.OnTrade(symbol, trade);
    }

    /// <inheritdoc />
    public void OnBbo(in BboEvent bbo)
    {
        // The venue matches against its depth book; a top-of-book quote adds nothing it can fill against.
    }

    /// <inheritdoc />
    public void OnTicker(in TickerEvent ticker)
    {
        if (!_state.TryGetSymbol(ticker.SymbolId, out var symbol)) return;
        _funding.OnTicker(symbol, ticker);
    }

    /// <summary>The venue's own view of <paramref name="symbol"/>'s book (read it, do not change it).</summary>
    public OrderBook GetBook(string symbol) => Get(symbol).Book;

    /// <summary>The venue's position and ledgers for <paramref name="symbol"/>.</summary>
    public VenuePosition GetPosition(string symbol) => Get(symbol).Snapshot();

    /// <summary>
    /// The resting and armed conditional orders of <paramref name="symbol"/> as an exchange's open-orders query returns
    /// them (current terms after amends), in the order they joined: what a restarted engine reconciles against.
    /// </summary>
    public IReadOnlyList<ExchangeOpenOrder> GetOpenOrders(string symbol)
    {
        var working = Get(symbol).Working;
        var list = new List<ExchangeOpenOrder>(working.Count);
        foreach (var o in working)
        {
            if (o.IsTerminal) continue;
            list.Add(new ExchangeOpenOrder(o.ClientOrderId, o.ExchangeOrderId, o.Symbol.Name, o.Side, o.Type, o.Request.TimeInForce,
                o.PriceTicks, o.TriggerTicks, o.QtyLots, o.FilledLots, o.ReduceOnly, o.WorkingStatus) { ClosePosition = o.ClosePosition });
        }
        return list;
    }

    /// <summary>The last trade price the venue matched on <paramref name="symbol"/>, ticks (0 before the first trade).</summary>
    public long LastTradeTicks(string symbol) => Get(symbol).LastTradeTicks;

    /// <summary>Number of resting and armed conditional orders on <paramref name="symbol"/>.</summary>
    public int WorkingOrderCount(string symbol) => Get(symbol).Working.Count;

    /// <summary>
    /// The estimated queue ahead of a resting limit order, lots; false when the order is not resting (unknown,
    /// finished, conditional, or still in flight).
    /// </summary>
    public bool TryGetQueueAhead(string clientOrderId, out long aheadLots)
    {
        aheadLots = 0;
        if (!_state.Orders.TryGetValue(clientOrderId, out var order) || order.IsTerminal || order.IsConditional || order.Type != OrderType.Limit) return false;
        aheadLots = order.Queue.AheadLots;
        return true;
    }

    private VenueSymbol Get(string symbol) =>
        _state.TryGetSymbol(symbol, out var s) ? s : throw new ArgumentException($"unknown symbol {symbol}", nameof(symbol));
}
