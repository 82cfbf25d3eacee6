using Smallfish.Emulator.Venue;
using Smallfish.Wire.Bybit;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Bybit;

/// <summary>The private topics: order, execution, execution.fast, position and wallet of the one account.</summary>
internal sealed partial class BybitPublisher
{
    public void OnOrder(EmulatedOrder order, OrderEventKind kind)
    {
        if (kind == OrderEventKind.Triggered) return; // Bybit shows the trigger through the order's fills and final state
        var wire = order.ToWire();
        Private("order", () => Frame(w => BybitPrivateFrameWriter.WriteOrder(w, wire, order.Spec, NextId(), _venue.NowMs())));
        if (kind is OrderEventKind.Accepted or OrderEventKind.Amended or OrderEventKind.Cancelled or OrderEventKind.Expired) PositionFrame(order.SymbolId);
    }

    public void OnFill(EmulatedOrder order, in WireExecution fill)
    {
        var wire = order.ToWire();
        var execution = fill;
        Private("execution", () => Frame(w => BybitPrivateFrameWriter.WriteExecution(w, wire, execution, order.Spec, NextId(), _venue.NowMs())));
        Private("execution.fast", () => Frame(w => BybitPrivateFrameWriter.WriteFastExecution(w, wire, execution, order.Spec, NextId(), _venue.NowMs())));
    }

    public void OnAccount(int symbolId, string reason, decimal balanceChange)
    {
        PositionFrame(symbolId);
        if (!HasPrivate("wallet")) return;
        var wallet = _venue.Wallet();
        Private("wallet", () => Frame(w => BybitPrivateFrameWriter.WriteWallet(w, wallet, NextId(), _venue.NowMs())));
    }

    private void PositionFrame(int symbolId)
    {
        if (!HasPrivate("position")) return;
        var position = _venue.Position(symbolId);
        Private("position", () => Frame(w => BybitPrivateFrameWriter.WritePosition(w, position, _venue.Instruments[symbolId], NextId(), _venue.NowMs())));
    }

    private bool HasPrivate(string topic)
    {
        foreach (var c in _private)
        {
            if (((BybitConnectionState)c.State!).PrivateTopics.Contains(topic)) return true;
        }
        return false;
    }

    private void Private(string topic, Func<byte[]> frame)
    {
        byte[]? bytes = null;
        foreach (var c in _private)
        {
            if (!((BybitConnectionState)c.State!).PrivateTopics.Contains(topic)) continue;
            bytes ??= frame();
            c.Send(bytes);
        }
    }
}
