using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;
using Smallfish.Exchanges.Streams;

namespace Smallfish.Exchanges.Binance;

/// <summary>
/// Reads Binance user-data events (binance-usdm.md section 8): <c>ORDER_TRADE_UPDATE</c> (order + fill when
/// <c>x == TRADE</c>), <c>TRADE_LITE</c> (fee-less fill), <c>ACCOUNT_UPDATE</c> (balances + changed positions),
/// <c>ALGO_UPDATE</c> (conditional order life cycle) and <c>listenKeyExpired</c>. A frame is read completely before
/// anything is dispatched. Never throws.
/// </summary>
internal static class BinancePrivateMessageParser
{
    public static PrivateFrameKind Parse(ReadOnlyMemory<byte> frame, IPrivateMessageSink sink)
    {
        try
        {
            using var doc = JsonDocument.Parse(frame);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return PrivateFrameKind.Unknown;
            if (root.Has("stream") && root.Obj("data").ValueKind == JsonValueKind.Object) root = root.Obj("data");
            if (root.Has("id") && !root.Has("e")) return PrivateFrameKind.Control; // {"result":null,"id":n}
            return root.Str("e") switch
            {
                "ORDER_TRADE_UPDATE" => OrderTradeUpdate(root, sink),
                "TRADE_LITE" => TradeLite(root, sink),
                "ACCOUNT_UPDATE" => AccountUpdate(root, sink),
                "ALGO_UPDATE" => AlgoUpdate(root, sink),
                "listenKeyExpired" => Control(sink, PrivateControlKind.ListenKeyExpired, root.Str("listenKey").Length > 0 ? "listen key expired" : null),
                _ => PrivateFrameKind.Unknown,
            };
        }
        catch (Exception ex) when (ParseGuard.IsMalformedPayload(ex))
        {
            return PrivateFrameKind.Malformed;
        }
    }

    private static PrivateFrameKind OrderTradeUpdate(JsonElement root, IPrivateMessageSink sink)
    {
        var o = root.Obj("o");
        o.RequireObject("o");
        var tif = BinanceMapping.ParseTimeInForce(o.Str("f"));
        var (status, reject) = BinanceMapping.ParseStatus(o.ReqStr("X"), tif);
        string type = o.Has("ot") ? o.Str("ot") : o.ReqStr("o");
        long time = o.Has("T") ? o.Long("T") : root.Long("T");
        string execType = o.ReqStr("x");
        var order = new ExchangeOrder(
            Symbol: o.ReqStr("s"),
            ClientOrderId: o.Str("c"),
            ExchangeOrderId: o.ReqStr("i"),
            Side: BinanceMapping.ParseSide(o.ReqStr("S")),
            Type: BinanceMapping.ParseOrderType(type),
            TimeInForce: tif,
            Status: status,
            Price: o.Dec("p"),
            Qty: o.Dec("q"),
            FilledQty: o.Dec("z"),
            AvgPrice: o.Dec("ap"),
            TriggerPrice: o.Dec("sp"),
            ReduceOnly: o.Bool("R"),
            Reject: reject,
            RejectText: reject == RejectReason.None ? null : execType + " er=" + o.Str("er"),
            VenueType: type,
            CreatedMs: 0,
            UpdatedMs: time,
            ClosePosition: o.Bool("cp"));
        ExchangeFill? fill = execType == "TRADE"
            ? new ExchangeFill(order.Symbol, o.ReqStr("t"), order.ExchangeOrderId, order.ClientOrderId, order.Side, o.Dec("L"), o.Dec("l"),
                o.Dec("n"), o.Has("N") ? o.Str("N") : null, FeeKnown: true, o.Bool("m"), time, "TRADE", o.Dec("rp"))
            : null;
        ModelGuard.Check(order);
        ModelGuard.Check(fill);
        // One message carries both: the fill goes first, so the engine has booked the execution before it sees the
        // order's new (possibly final) status, as the simulated venue reports them. An order that ended "filled"
        // while its last fill was still unbooked would look like a take-profit gone with the position still open.
        if (fill is not null) sink.OnFill(fill);
        sink.OnOrder(order);
        return PrivateFrameKind.Data;
    }

    private static PrivateFrameKind TradeLite(JsonElement root, IPrivateMessageSink sink)
    {
        sink.OnFill(ModelGuard.Checked(new ExchangeFill(root.ReqStr("s"), root.ReqStr("t"), root.ReqStr("i"), root.Str("c"), BinanceMapping.ParseSide(root.ReqStr("S")),
            root.Dec("L"), root.Dec("l"), 0m, null, FeeKnown: false, root.Bool("m"), root.Long("T"), "TRADE")));
        return PrivateFrameKind.Data;
    }

    private static PrivateFrameKind AccountUpdate(JsonElement root, IPrivateMessageSink sink)
    {
        var a = root.Obj("a");
        a.RequireObject("a");
        long time = root.Long("E");
        var wallet = BinanceAccountParser.ParseAccountUpdateBalances(a, time);
        var positions = new List<ExchangePosition>();
        foreach (var p in a.Items("P")) positions.Add(BinanceAccountParser.ParseAccountUpdatePosition(p, time));
        ModelGuard.Check(positions);
        if (wallet.Assets.Count > 0) sink.OnWallet(wallet);
        foreach (var p in positions) sink.OnPosition(p);
        return PrivateFrameKind.Data;
    }

    private static PrivateFrameKind AlgoUpdate(JsonElement root, IPrivateMessageSink sink)
    {
        var o = root.Obj("o");
        o.RequireObject("o");
        decimal filled = o.Dec("aq");
        var (status, reject) = BinanceMapping.ParseAlgoStatus(o.ReqStr("X"), filled);
        string type = o.ReqStr("o");
        string reason = o.Str("rm");
        sink.OnOrder(ModelGuard.Checked(new ExchangeOrder(
            Symbol: o.ReqStr("s"),
            ClientOrderId: o.Str("caid"),
            ExchangeOrderId: o.ReqStr("aid"),
            Side: BinanceMapping.ParseSide(o.ReqStr("S")),
            Type: BinanceMapping.ParseOrderType(type),
            TimeInForce: BinanceMapping.ParseTimeInForce(o.Str("f")),
            Status: status,
            Price: o.Dec("p"),
            Qty: o.Dec("q"),
            FilledQty: filled,
            AvgPrice: o.Dec("ap"),
            TriggerPrice: o.Dec("tp"),
            ReduceOnly: o.Bool("R") || o.Bool("cp"),
            Reject: reject,
            RejectText: reason.Length == 0 ? null : reason,
            VenueType: type,
            CreatedMs: 0,
            UpdatedMs: root.Long("T"),
            ClosePosition: o.Bool("cp"))));
        return PrivateFrameKind.Data;
    }

    private static PrivateFrameKind Control(IPrivateMessageSink sink, PrivateControlKind kind, string? detail)
    {
        sink.OnControl(kind, detail);
        return PrivateFrameKind.Control;
    }
}
