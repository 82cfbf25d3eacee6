using System.Text.Json;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Bybit;

/// <summary>Reads Bybit position and wallet objects (REST and the private <c>position</c> / <c>wallet</c> topics).</summary>
internal static class BybitAccountParser
{
    /// <summary>A position row. REST carries <c>avgPrice</c>, the WS topic <c>entryPrice</c> (bybit-v5.md 4.13).</summary>
    public static ExchangePosition ParsePosition(JsonElement p)
    {
        p.RequireObject("position");
        decimal size = p.Dec("size");
        var side = BybitMapping.ParsePositionSide(p.Str("side"));
        return new ExchangePosition(
            Symbol: p.ReqStr("symbol"),
            Slot: BybitMapping.ParseSlot(p.Int("positionIdx")),
            Side: size == 0 ? null : side,
            Size: Math.Abs(size),
            EntryPrice: p.Has("entryPrice") ? p.Dec("entryPrice") : p.Dec("avgPrice"),
            MarkPrice: p.Dec("markPrice"),
            UnrealizedPnl: p.Dec("unrealisedPnl"),
            Leverage: p.Dec("leverage"),
            LiquidationPrice: p.Dec("liqPrice"),
            TakeProfit: p.Dec("takeProfit"),
            StopLoss: p.Dec("stopLoss"),
            UpdatedMs: p.Long("updatedTime"));
    }

    /// <summary>A unified-account wallet object (REST <c>result.list[0]</c>, WS <c>wallet</c> data item).</summary>
    public static ExchangeWallet ParseWallet(JsonElement w, long timeMs)
    {
        w.RequireObject("wallet");
        var assets = new List<WalletAsset>();
        foreach (var c in w.Items("coin"))
        {
            assets.Add(new WalletAsset(c.ReqStr("coin"), c.Dec("walletBalance"), c.DecOrNull("equity"), null, c.DecOrNull("unrealisedPnl")));
        }
        return new ExchangeWallet(
            TotalEquity: w.DecOrNull("totalEquity"),
            AvailableBalance: w.DecOrNull("totalAvailableBalance"),
            WalletBalance: w.DecOrNull("totalWalletBalance"),
            UnrealizedPnl: w.DecOrNull("totalPerpUPL"),
            Assets: assets,
            UpdatedMs: timeMs);
    }
}
