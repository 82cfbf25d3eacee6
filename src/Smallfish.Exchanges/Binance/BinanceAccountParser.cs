using System.Text.Json;
using Smallfish.Core.Domain;
using Smallfish.Exchanges.Json;
using Smallfish.Exchanges.Models;

namespace Smallfish.Exchanges.Binance;

/// <summary>Reads Binance positions and balances (REST v3 and ACCOUNT_UPDATE; binance-usdm.md 4.7, 8).</summary>
internal static class BinanceAccountParser
{
    /// <summary>A <c>/fapi/v3/positionRisk</c> row; <c>positionAmt</c> is signed (negative = short).</summary>
    public static ExchangePosition ParsePositionRisk(JsonElement p)
    {
        p.RequireObject("position");
        decimal amount = p.Dec("positionAmt");
        return new ExchangePosition(
            Symbol: p.ReqStr("symbol"),
            Slot: BinanceMapping.ParseSlot(p.Str("positionSide")),
            Side: SideOf(amount),
            Size: Math.Abs(amount),
            EntryPrice: p.Dec("entryPrice"),
            MarkPrice: p.Dec("markPrice"),
            UnrealizedPnl: p.Dec("unRealizedProfit"),
            Leverage: p.Dec("leverage"),
            LiquidationPrice: p.Dec("liquidationPrice"),
            TakeProfit: 0m,
            StopLoss: 0m,
            UpdatedMs: p.Long("updateTime"));
    }

    /// <summary>An ACCOUNT_UPDATE <c>a.P[]</c> row.</summary>
    public static ExchangePosition ParseAccountUpdatePosition(JsonElement p, long timeMs)
    {
        p.RequireObject("position");
        decimal amount = p.Dec("pa");
        return new ExchangePosition(p.ReqStr("s"), BinanceMapping.ParseSlot(p.Str("ps")), SideOf(amount), Math.Abs(amount),
            p.Dec("ep"), 0m, p.Dec("up"), 0m, 0m, 0m, 0m, timeMs);
    }

    /// <summary><c>/fapi/v3/balance</c>: totals from the settle-asset row (equity = balance + unrealized P&amp;L).</summary>
    public static ExchangeWallet ParseBalance(JsonElement root, string settleAsset)
    {
        root.RequireArray("balance");
        var assets = new List<WalletAsset>();
        decimal? equity = null, available = null, wallet = null, upl = null;
        long updated = 0;
        foreach (var b in root.EnumerateArray())
        {
            string asset = b.ReqStr("asset");
            decimal balance = b.Dec("balance"), unrealized = b.Dec("crossUnPnl"), avail = b.Dec("availableBalance");
            assets.Add(new WalletAsset(asset, balance, balance + unrealized, avail, unrealized));
            if (asset == settleAsset)
            {
                equity = balance + unrealized;
                available = avail;
                wallet = balance;
                upl = unrealized;
                updated = b.Long("updateTime");
            }
        }
        return new ExchangeWallet(equity, available, wallet, upl, assets, updated);
    }

    /// <summary>ACCOUNT_UPDATE <c>a.B[]</c>: changed balances only; <c>cw</c> is NOT the available balance, so totals stay null.</summary>
    public static ExchangeWallet ParseAccountUpdateBalances(JsonElement a, long timeMs)
    {
        var assets = new List<WalletAsset>();
        foreach (var b in a.Items("B")) assets.Add(new WalletAsset(b.ReqStr("a"), b.Dec("wb"), null, null, null));
        return new ExchangeWallet(null, null, null, null, assets, timeMs);
    }

    private static Side? SideOf(decimal amount) => amount > 0 ? Side.Buy : amount < 0 ? Side.Sell : null;
}
