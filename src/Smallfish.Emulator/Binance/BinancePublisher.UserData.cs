using Smallfish.Emulator.Sockets;
using Smallfish.Emulator.Venue;
using Smallfish.Wire.Binance;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Binance;

/// <summary>The user data stream: listen keys and the account events of the one account.</summary>
internal sealed partial class BinancePublisher
{
    public string CreateListenKey(long nowMs)
    {
        lock (_venue.Gate) return _keys.Create(nowMs);
    }

    public bool KeepAliveListenKey(long nowMs)
    {
        lock (_venue.Gate) return _keys.KeepAlive(nowMs);
    }

    public void DeleteListenKey()
    {
        lock (_venue.Gate)
        {
            string? key = _keys.Delete();
            foreach (var c in _users.ToArray())
            {
                if (((BinanceConnectionState)c.State!).ListenKey == key) c.Abort();
            }
        }
    }

    public bool IsListenKeyValid(string key)
    {
        lock (_venue.Gate) return _keys.IsValid(key, _venue.NowMs());
    }

    /// <summary>Expires the active key now (fault) or when its time ran out; its streams get <c>listenKeyExpired</c>. Returns how many keys expired.</summary>
    public int ExpireListenKeys(bool force)
    {
        lock (_venue.Gate)
        {
            long now = _venue.NowMs();
            string? key = force ? _keys.Delete() : _keys.TakeExpired(now);
            if (key is null) return 0;
            byte[]? frame = null;
            foreach (var c in _users)
            {
                var state = (BinanceConnectionState)c.State!;
                if (state.ListenKey != key || state.KeyExpired) continue;
                frame ??= Frame(w => BinancePrivateFrameWriter.WriteListenKeyExpired(w, key, now));
                c.Send(frame);
                state.KeyExpired = true;
            }
            return 1;
        }
    }

    public void OnOrder(EmulatedOrder order, OrderEventKind kind)
    {
        if (order.Origin == OrderOrigin.BybitPositionStop || _users.Count == 0) return;
        long now = _venue.NowMs();
        if (order.Origin == OrderOrigin.BinanceAlgo)
        {
            var wire = order.ToWire();
            switch (kind)
            {
                case OrderEventKind.Accepted:
                case OrderEventKind.Cancelled when order.TriggerTimeMs == 0:
                    User(Frame(w => BinancePrivateFrameWriter.WriteAlgoUpdate(w, order.Spec, wire, 0, "", 0, now, now)));
                    return;
                case OrderEventKind.Triggered:
                    var actual = order.ToWire(asActualOrder: true) with { Status = Core.Domain.OrderStatus.New, FilledLots = 0, AvgPriceTicks = 0 };
                    User(Frame(w => BinancePrivateFrameWriter.WriteAlgoUpdate(w, order.Spec, wire, order.ActualOrderId, "", order.TriggerTimeMs, now, now)));
                    User(Frame(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, order.Spec, actual, BinancePrivateFrameWriter.ExecutionTypes.New, now, now)));
                    return;
                case OrderEventKind.Filled when !order.IsOpen:
                case OrderEventKind.Expired:
                case OrderEventKind.Cancelled:
                    if (kind != OrderEventKind.Filled && order.TriggerTimeMs > 0)
                    {
                        var final = order.ToWire(asActualOrder: true);
                        string x = kind == OrderEventKind.Expired ? BinancePrivateFrameWriter.ExecutionTypes.Expired : BinancePrivateFrameWriter.ExecutionTypes.Canceled;
                        User(Frame(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, order.Spec, final, x, now, now)));
                    }
                    User(Frame(w => BinancePrivateFrameWriter.WriteAlgoUpdate(w, order.Spec, wire, order.ActualOrderId, kind == OrderEventKind.Expired ? "expired" : "", order.TriggerTimeMs, now, now)));
                    return;
                default:
                    return;
            }
        }
        string? execution = kind switch
        {
            OrderEventKind.Accepted => BinancePrivateFrameWriter.ExecutionTypes.New,
            OrderEventKind.Amended => BinancePrivateFrameWriter.ExecutionTypes.Amendment,
            OrderEventKind.Cancelled => BinancePrivateFrameWriter.ExecutionTypes.Canceled,
            OrderEventKind.Expired => BinancePrivateFrameWriter.ExecutionTypes.Expired,
            _ => null, // fills travel as TRADE events, which carry the status after the fill
        };
        if (execution is null) return;
        var o = order.ToWire();
        User(Frame(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, order.Spec, o, execution, now, now)));
    }

    public void OnFill(EmulatedOrder order, in WireExecution fill)
    {
        if (order.Origin == OrderOrigin.BybitPositionStop || _users.Count == 0) return;
        var o = order.ToWire(asActualOrder: true);
        var f = fill;
        long now = _venue.NowMs();
        User(Frame(w => BinancePrivateFrameWriter.WriteOrderTradeUpdate(w, order.Spec, o, f, now, f.TimeMs)));
    }

    public void OnAccount(int symbolId, string reason, decimal balanceChange)
    {
        if (_users.Count == 0) return;
        long now = _venue.NowMs();
        var wallet = _venue.Wallet();
        var positions = reason == "FUNDING_FEE" ? Array.Empty<WirePosition>() : new[] { _venue.Position(symbolId) };
        var specs = reason == "FUNDING_FEE" ? Array.Empty<Core.Instruments.InstrumentSpec>() : new[] { _venue.Instruments[symbolId] };
        User(Frame(w => BinancePrivateFrameWriter.WriteAccountUpdate(w, reason, wallet, balanceChange, positions, specs, now, now)));
    }

    private void User(byte[] frame)
    {
        long now = _venue.NowMs();
        foreach (var c in _users)
        {
            var state = (BinanceConnectionState)c.State!;
            if (state.KeyExpired || !_keys.IsValid(state.ListenKey, now)) continue;
            c.Send(frame);
        }
    }
}
