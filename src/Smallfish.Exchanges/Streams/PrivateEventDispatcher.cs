using Microsoft.Extensions.Logging;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Abstractions;
using Smallfish.Exchanges.Logging;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Streams;

/// <summary>
/// Turns parsed private messages into engine events: orders and fills in ticks and lots, each execution once
/// (repeats and, unless enabled, fee-less low-latency copies are dropped), fills resolved to client order ids by
/// exchange order id when the venue left the client id out. Runs on the private consumer task only.
/// </summary>
internal sealed class PrivateEventDispatcher : IPrivateMessageSink
{
    private readonly string _exchange;
    private readonly IInstrumentLookup _instruments;
    private readonly StreamStatistics _stats;
    private readonly ILogger _log;
    private readonly bool _useLowLatencyFills;
    private readonly BoundedIdSet _seenFills;
    private readonly BoundedIdMap _clientIds;

    public PrivateEventDispatcher(string exchange, IInstrumentLookup instruments, StreamClientOptions options, StreamStatistics stats, ILogger log)
    {
        _exchange = exchange;
        _instruments = instruments;
        _stats = stats;
        _log = log;
        _useLowLatencyFills = options.UseLowLatencyFills;
        _seenFills = new BoundedIdSet(options.FillDedupCapacity);
        _clientIds = new BoundedIdMap(options.FillDedupCapacity);
    }

    public Action<OrderUpdate>? OrderUpdated { get; set; }

    public Action<Fill>? FillReceived { get; set; }

    public Action<ExchangePosition>? PositionUpdated { get; set; }

    public Action<ExchangeWallet>? WalletUpdated { get; set; }

    public Action<PrivateControlKind, string?>? Control { get; set; }

    public void OnOrder(ExchangeOrder order)
    {
        _clientIds.Set(order.ExchangeOrderId, order.ClientOrderId);
        if (!ExecutionNormalizer.TryToOrderUpdate(order, _instruments, out var update))
        {
            Unknown(order.Symbol);
            return;
        }
        OrderUpdated?.Invoke(update);
    }

    public void OnFill(ExchangeFill fill)
    {
        if (!fill.IsTrade) return; // funding, settlement, delivery rows are not order fills
        if (!fill.FeeKnown && !_useLowLatencyFills) return;
        if (!_seenFills.Add(fill.Symbol + ":" + fill.ExecId))
        {
            _stats.OnDuplicate();
            return;
        }
        string clientId = fill.ClientOrderId;
        if (clientId.Length == 0 && _clientIds.TryGet(fill.ExchangeOrderId, out var known)) clientId = known;
        else _clientIds.Set(fill.ExchangeOrderId, clientId);
        if (!ExecutionNormalizer.TryToFill(fill, _instruments, clientId, out var result))
        {
            Unknown(fill.Symbol);
            return;
        }
        FillReceived?.Invoke(result);
    }

    public void OnPosition(ExchangePosition position) => PositionUpdated?.Invoke(position);

    public void OnWallet(ExchangeWallet wallet) => WalletUpdated?.Invoke(wallet);

    public void OnControl(PrivateControlKind kind, string? detail) => Control?.Invoke(kind, detail);

    private void Unknown(string symbol)
    {
        _stats.OnUnknown();
        StreamLog.UnknownInstrument(_log, _exchange, symbol);
    }
}
