namespace Smallfish.Exchanges.Models;

/// <summary>One asset of a wallet. Values the venue did not send are null.</summary>
/// <param name="Asset">Coin, e.g. USDT.</param>
/// <param name="WalletBalance">Wallet balance (Bybit <c>walletBalance</c>, Binance <c>balance</c>/<c>wb</c>).</param>
/// <param name="Equity">Equity including unrealized P&amp;L, when reported.</param>
/// <param name="Available">Spendable amount, when reported (Binance <c>availableBalance</c>).</param>
/// <param name="UnrealizedPnl">Unrealized P&amp;L, when reported.</param>
public sealed record WalletAsset(string Asset, decimal WalletBalance, decimal? Equity, decimal? Available, decimal? UnrealizedPnl);
