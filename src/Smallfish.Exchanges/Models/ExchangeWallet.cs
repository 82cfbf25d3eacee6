namespace Smallfish.Exchanges.Models;

/// <summary>
/// Account balances, normalized. Account-wide totals are null when the message carried none (Binance
/// <c>ACCOUNT_UPDATE</c> sends changed balances only; its <c>cw</c> is not the available balance).
/// </summary>
/// <param name="TotalEquity">Account equity (Bybit <c>totalEquity</c> in USD; Binance settle-asset balance + unrealized P&amp;L).</param>
/// <param name="AvailableBalance">Amount usable for new positions (Bybit <c>totalAvailableBalance</c>, Binance <c>availableBalance</c>).</param>
/// <param name="WalletBalance">Wallet balance without unrealized P&amp;L.</param>
/// <param name="UnrealizedPnl">Unrealized P&amp;L over all positions.</param>
/// <param name="Assets">Per-asset rows.</param>
/// <param name="UpdatedMs">Time of the data, ms since the Unix epoch (0 when the venue sent none).</param>
public sealed record ExchangeWallet(
    decimal? TotalEquity,
    decimal? AvailableBalance,
    decimal? WalletBalance,
    decimal? UnrealizedPnl,
    IReadOnlyList<WalletAsset> Assets,
    long UpdatedMs);
