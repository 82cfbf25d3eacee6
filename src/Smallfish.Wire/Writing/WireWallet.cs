namespace Smallfish.Wire.Writing;

/// <summary>A single-asset (USDT) futures wallet as the wallet writers need it; amounts in the asset.</summary>
/// <param name="Asset">Settle asset, e.g. USDT.</param>
/// <param name="WalletBalance">Balance without unrealized P&amp;L.</param>
/// <param name="UnrealizedPnl">Unrealized P&amp;L over all positions.</param>
/// <param name="AvailableBalance">What new orders may use: equity minus initial margin of positions and orders.</param>
/// <param name="PositionInitialMargin">Initial margin of open positions.</param>
/// <param name="OrderInitialMargin">Initial margin of open orders.</param>
/// <param name="MaintenanceMargin">Maintenance margin of open positions.</param>
/// <param name="CumRealizedPnl">Realized P&amp;L since the account opened, net of fees and funding.</param>
/// <param name="UpdatedMs">Time of the data, ms.</param>
public readonly record struct WireWallet(
    string Asset,
    decimal WalletBalance,
    decimal UnrealizedPnl,
    decimal AvailableBalance,
    decimal PositionInitialMargin,
    decimal OrderInitialMargin,
    decimal MaintenanceMargin,
    decimal CumRealizedPnl,
    long UpdatedMs)
{
    /// <summary>Wallet balance plus unrealized P&amp;L.</summary>
    public decimal Equity => WalletBalance + UnrealizedPnl;
}
