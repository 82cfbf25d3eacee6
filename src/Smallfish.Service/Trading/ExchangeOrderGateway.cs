using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Time;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Results;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Service.Trading;

/// <summary>
/// The engine's <see cref="IOrderCommands"/> against a real exchange (testnet, live, or the loopback emulator). Each
/// symbol has a lane that makes its REST calls one after the other, in the order given (the engine relies on
/// per-symbol order). A call never waits for I/O: when the lane is busy the command is queued; when it is idle the
/// request is started at once, so its synchronous part (building, signing, handing the bytes to the socket) runs on
/// the caller's thread and everything after the first wait (the answer) continues on the thread pool, which then
/// drains what queued meanwhile. This saves the engine loop a thread hop per order (a placement with write-ahead, below,
/// is sent from the thread pool once the journal has committed it). Outcomes come back on the
/// private stream; what the REST API refuses is turned into an engine report here and handed to the loop's execution
/// input: a refused placement as <see cref="OrderStatus.Rejected"/> with the venue's reason; a refused cancel or amend as
/// the order's status as the venue now reports it, carrying the reason (so the engine reads it as a refused cancel or
/// amend, or as the order's end).
/// <para>Each symbol has two lanes: one for the protective orders (stop-loss and market exit, by the role in the client
/// order id) and one for everything else. A slow answer (a held response, a rate-limit wait) to an entry or take-profit
/// call therefore never holds up the stop that protects a position growing from partial fills. All commands of one order
/// go to the same lane, so the per-order order the engine relies on is kept.</para>
/// <para><b>Write-ahead.</b> With <see cref="WriteAhead"/> set (the service passes the journal's flush), a placement is
/// sent only after the journal has committed everything recorded before it, the order's own record included (the
/// engine journals an order before it hands it over). A crash at any moment after the send therefore leaves the order
/// in the journal, and the next start looks for it at the venue and books its fills. The placement waits for one
/// journal commit; a commit that fails turns the placement into a reject, and nothing is sent.</para>
/// </summary>
public sealed class ExchangeOrderGateway : IOrderCommands, IAsyncDisposable
{
    private readonly IExchangeRestClient _rest;
    private readonly IInstrumentLookup _instruments;
    private readonly IExecutionSink _reports;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly LatencyProbe? _probe;
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lane> _protectiveLanes = new(StringComparer.Ordinal);
    // What the gateway last asked the venue for, per order: side, conditional, price (trigger for a conditional order)
    // and quantity. Amends carry 0 for "unchanged"; a venue that needs absolute terms (Binance) takes them from here.
    private readonly ConcurrentDictionary<string, OrderTerms> _terms = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _abort = new();
    private volatile bool _stopped;
    private long _sent;
    private long _refused;
    private int _inFlight;

    /// <summary>Creates the gateway with one lane per symbol of <paramref name="symbols"/>; reports go to <paramref name="reports"/>.</summary>
    public ExchangeOrderGateway(IExchangeRestClient rest, IInstrumentLookup instruments, IReadOnlyList<string> symbols, IExecutionSink reports,
        TimeProvider clock, ILogger logger, LatencyProbe? probe = null)
    {
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _instruments = instruments ?? throw new ArgumentNullException(nameof(instruments));
        _reports = reports ?? throw new ArgumentNullException(nameof(reports));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _probe = probe;
        ArgumentNullException.ThrowIfNull(symbols);
        foreach (string symbol in symbols)
        {
            _lanes.TryAdd(symbol, new Lane());
            _protectiveLanes.TryAdd(symbol, new Lane());
        }
    }

    /// <summary>
    /// Makes everything journaled so far durable (the journal's flush); awaited before every placement is sent. Null:
    /// placements go out at once (tests, tools without a journal).
    /// </summary>
    public Func<CancellationToken, Task>? WriteAhead { get; init; }

    /// <summary>
    /// Called (and awaited on the order's lane) when the venue refuses a reduce-only order of a position's protection
    /// (stop-loss or exit) as one that would grow the position (Binance -2022, Bybit 110017): the engine's position is
    /// not the venue's. The service reads the venue's executions and position back (<see cref="PrivateStreamResync"/>)
    /// before the refusal is reported, so the engine books what it missed instead of retrying blindly. Null: report at once.
    /// </summary>
    public Func<string, Task>? PositionSuspect { get; set; }

    /// <summary>REST calls made so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Commands the exchange refused so far.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>
    /// Commands queued or being sent whose answer (and the report a refusal becomes) has not been handed on yet: zero
    /// when the gateway has nothing under way.
    /// </summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <inheritdoc />
    public void Place(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool conditional = request.Type.IsConditional();
        _terms[request.ClientOrderId] = new OrderTerms(request.Side, conditional, conditional ? request.TriggerPriceTicks : request.PriceTicks, request.QtyLots);
        Enqueue(new OrderCommand(OrderCommandKind.Place, request, request.Symbol, request.ClientOrderId, 0, 0, _probe?.Trigger ?? 0));
    }

    /// <inheritdoc />
    public void Cancel(string symbol, string clientOrderId) =>
        Enqueue(new OrderCommand(OrderCommandKind.Cancel, null, symbol, clientOrderId, 0, 0, _probe?.Trigger ?? 0));

    /// <inheritdoc />
    public void Amend(string symbol, string clientOrderId, long newPriceTicks, long newQtyLots) =>
        Enqueue(new OrderCommand(OrderCommandKind.Amend, null, symbol, clientOrderId, newPriceTicks, newQtyLots, _probe?.Trigger ?? 0));

    /// <summary>
    /// Lets the lanes send what is queued (the graceful stop's cancels) for up to <paramref name="drain"/>, then stops
    /// them. Commands still queued after that are counted and logged.
    /// </summary>
    public async Task StopAsync(TimeSpan drain)
    {
        _stopped = true;
        var running = new List<Task>();
        foreach (Lane lane in AllLanes())
        {
            lock (lane) if (lane.Running is { } t) running.Add(t);
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(drain).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            int pending = 0;
            foreach (Lane lane in AllLanes())
            {
                lock (lane) pending += lane.Queue.Count;
            }

            TradingLog.SenderAbandoned(_logger, pending);
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        _abort.Dispose();
    }

    private void Enqueue(in OrderCommand command)
    {
        if (command.TriggerNs != 0) _probe?.CommandIssued?.Invoke(command.TriggerNs);
        var lanes = IsProtective(command.ClientOrderId) ? _protectiveLanes : _lanes;
        if (!_stopped && lanes.TryGetValue(command.Symbol, out Lane? lane))
        {
            Interlocked.Increment(ref _inFlight);
            lock (lane)
            {
                if (lane.Running is not null)
                {
                    lane.Queue.Enqueue(command);
                    return;
                }

                // Idle: this call starts the lane. Set under the lock so a concurrent caller queues behind it.
                lane.Running = Task.CompletedTask;
            }

            Task running = RunLaneAsync(lane, command);
            lock (lane)
            {
                if (!running.IsCompleted && ReferenceEquals(lane.Running, Task.CompletedTask)) lane.Running = running;
            }

            return;
        }

        // A symbol without a lane (not in the symbol table) or a stopped gateway: a placement is refused at once; a cancel
        // or amend is left to the engine's ack timeout.
        TradingLog.Refused(_logger, command.Kind.ToString(), command.ClientOrderId, command.Symbol, nameof(RejectReason.Other), "the order gateway is stopped or has no lane for the symbol");
        if (command.Kind == OrderCommandKind.Place) Report(command, OrderStatus.Rejected, RejectReason.Other, "order gateway stopped");
    }

    /// <summary>Sends <paramref name="first"/>, then whatever queued on the lane meanwhile, then marks the lane idle.</summary>
    private async Task RunLaneAsync(Lane lane, OrderCommand first)
    {
        OrderCommand command = first;
        while (true)
        {
            try
            {
                await SendAsync(command, _abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                // Stopped: what is left stays unsent (logged by StopAsync).
            }
            catch (Exception ex)
            {
                TradingLog.SendFailed(_logger, command.Kind.ToString(), command.ClientOrderId, command.Symbol, ex);
            }

            Interlocked.Decrement(ref _inFlight);
            lock (lane)
            {
                if (_abort.IsCancellationRequested || !lane.Queue.TryDequeue(out command))
                {
                    if (_abort.IsCancellationRequested) Interlocked.Add(ref _inFlight, -lane.Queue.Count); // abandoned, never sent
                    lane.Running = null;
                    return;
                }
            }
        }
    }

    private async Task SendAsync(OrderCommand command, CancellationToken ct)
    {
        LatencyProbe.BeginSend(command.TriggerNs);
        Interlocked.Increment(ref _sent);
        switch (command.Kind)
        {
            case OrderCommandKind.Place:
            {
                if (!await DurableAsync(command, ct).ConfigureAwait(false)) break;
                var result = await _rest.PlaceOrderAsync(command.Request!, ct).ConfigureAwait(false);
                if (!result.Success)
                {
                    Refuse(command, result.Error);
                    if (Reason(result.Error) == RejectReason.ReduceOnlyViolated && IsProtective(command.ClientOrderId) && PositionSuspect is { } suspect)
                    {
                        TradingLog.ReduceOnlyRefused(_logger, command.ClientOrderId, command.Symbol);
                        try
                        {
                            await suspect("reduce-only " + command.ClientOrderId + " refused").ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                        {
                            // The refusal is reported whatever the read-back did.
                            TradingLog.SendFailed(_logger, "Resync", command.ClientOrderId, command.Symbol, ex);
                        }
                    }

                    // An outcome still unknown after the client's look-up is not a reject: the engine's ack timeout cancels it.
                    if (result.Error is not { OutcomeUnknown: true }) Report(command, OrderStatus.Rejected, Reason(result.Error), result.Message);
                }

                break;
            }
            case OrderCommandKind.Cancel:
            {
                var result = await _rest.CancelOrderAsync(command.Symbol, command.ClientOrderId, ct).ConfigureAwait(false);
                if (!result.Success)
                {
                    Refuse(command, result.Error);
                    await ReportRefusalAsync(command, result.Error, ct).ConfigureAwait(false);
                }

                break;
            }
            default:
            {
                if (!_terms.TryGetValue(command.ClientOrderId, out var terms))
                {
                    var known = await _rest.GetOrderAsync(command.Symbol, command.ClientOrderId, ct).ConfigureAwait(false);
                    if (!known.Success || known.Data is null)
                    {
                        Refuse(command, known.Error);
                        await ReportRefusalAsync(command, known.Error, ct).ConfigureAwait(false);
                        break;
                    }

                    terms = TermsOf(known.Data);
                    _terms[command.ClientOrderId] = terms;
                }

                // A conditional order's price is its trigger (Bybit amends triggerPrice).
                var amend = new AmendOrderRequest(command.Symbol, command.ClientOrderId, terms.Side, command.PriceTicks, command.QtyLots, terms.Conditional,
                    terms.PriceTicks, terms.QtyLots);
                // The engine holds the amended terms from now on (a lost answer may still have been applied); a refusal
                // reads the venue's terms back below.
                _terms[command.ClientOrderId] = terms with { PriceTicks = amend.EffectivePriceTicks, QtyLots = amend.EffectiveQtyLots };
                var result = await _rest.AmendOrderAsync(amend, ct)
                    .ConfigureAwait(false);
                if (!result.Success)
                {
                    Refuse(command, result.Error);
                    await ReportRefusalAsync(command, result.Error, ct).ConfigureAwait(false);
                }

                break;
            }
        }
    }

    private OrderTerms TermsOf(ExchangeOrder order)
    {
        bool conditional = order.Type.IsConditional();
        if (!_instruments.TryGet(order.Symbol, out InstrumentSpec? spec, out _)) return new OrderTerms(order.Side, conditional, 0, 0);
        decimal price = conditional ? order.TriggerPrice : order.Price;
        return new OrderTerms(order.Side, conditional, price > 0 ? spec.Price.FloorSteps(price) : 0, spec.FloorLots(order.Qty));
    }

    /// <summary>The terms the venue was last asked for (price is the trigger of a conditional order; 0 = unknown).</summary>
    private readonly record struct OrderTerms(Side Side, bool Conditional, long PriceTicks, long QtyLots);

    /// <summary>
    /// Waits until the placement's journal record is on disk (<see cref="WriteAhead"/>). False, with a reject reported
    /// to the engine, when the journal could not commit: an order the journal may not hold is never sent.
    /// </summary>
    private async Task<bool> DurableAsync(OrderCommand command, CancellationToken ct)
    {
        if (WriteAhead is not { } writeAhead) return true;
        try
        {
            await writeAhead(ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _refused);
            TradingLog.NotDurable(_logger, command.ClientOrderId, command.Symbol, ex);
            Report(command, OrderStatus.Rejected, RejectReason.Other, "not sent: the journal could not record it");
            return false;
        }
    }

    /// <summary>
    /// A refused cancel or amend: the engine needs the order's state as the venue sees it now. Found: that state with the
    /// refusal's reason (a terminal state ends the order; a working one reads as a refused cancel or amend). Unknown to
    /// the venue: rejected as never seen. The look-up failing too: nothing (the engine's ack timeout asks again).
    /// </summary>
    private async Task ReportRefusalAsync(OrderCommand command, ExchangeError? error, CancellationToken ct)
    {
        RejectReason reason = Reason(error);
        var lookup = await _rest.GetOrderAsync(command.Symbol, command.ClientOrderId, ct).ConfigureAwait(false);
        if (lookup.Success && lookup.Data is { } order && ExecutionNormalizer.TryToOrderUpdate(order, _instruments, out OrderUpdate update))
        {
            if (_terms.ContainsKey(command.ClientOrderId)) _terms[command.ClientOrderId] = TermsOf(order);
            _reports.OnOrderUpdate(update with { Reject = reason == RejectReason.None ? RejectReason.Other : reason, Message = error?.Message, TsNs = _clock.GetUnixTimeNs() });
            return;
        }

        if (lookup.RejectReason == RejectReason.OrderNotFound) Report(command, OrderStatus.Rejected, RejectReason.OrderNotFound, error?.Message);
    }

    private void Refuse(in OrderCommand command, ExchangeError? error)
    {
        Interlocked.Increment(ref _refused);
        TradingLog.Refused(_logger, command.Kind.ToString(), command.ClientOrderId, command.Symbol, Reason(error).ToString(), error?.Message ?? "");
    }

    private void Report(in OrderCommand command, OrderStatus status, RejectReason reason, string? message) =>
        _reports.OnOrderUpdate(new OrderUpdate(command.ClientOrderId, null, command.Symbol, status, 0, 0m, reason, message, _clock.GetUnixTimeNs()));

    /// <summary>True for the orders that protect a position: the stop-loss and the market exit.</summary>
    internal static bool IsProtective(string clientOrderId) =>
        ClientOrderId.TryParse(clientOrderId, out ClientOrderIdParts parts) && parts.Role is OrderRole.StopLoss or OrderRole.Exit;

    private IEnumerable<Lane> AllLanes() => _lanes.Values.Concat(_protectiveLanes.Values);

    private static RejectReason Reason(ExchangeError? error) => error?.Reject is { } r && r != RejectReason.None ? r : RejectReason.Other;

    /// <summary>One symbol's commands: those waiting, and the task sending (null while idle). Guarded by its own lock.</summary>
    private sealed class Lane
    {
        public Queue<OrderCommand> Queue { get; } = new();

        public Task? Running { get; set; }
    }
}
