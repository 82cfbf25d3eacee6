using Smallfish.Core.Domain;
using Smallfish.Wire.Writing;

namespace Smallfish.Emulator.Venue;

/// <summary>Positions, wallet and leverage as the protocols report them (cross margin, one-way mode, USDT).</summary>
internal sealed partial class EmulatorVenue
{
    /// <summary>Maintenance margin rate used for reporting (the lowest risk tier of both venues is about 0.4-0.5 %).</summary>
    public const decimal MaintenanceRate = 0.005m;

    private const int Decimals = 8;

    /// <summary>The position of <paramref name="symbolId"/> (call under the gate).</summary>
    public WirePosition Position(int symbolId)
    {
        var spec = Instruments[symbolId];
        var account = Accounts[symbolId];
        var venue = _venue.GetPosition(spec.Symbol);
        decimal mark = spec.Price.ToDecimal(Markets[symbolId].ValuationTicks(Book(symbolId)));
        decimal entry = decimal.Round(venue.AvgEntryTicks * spec.TickSize, Decimals);
        decimal qty = spec.Qty.ToDecimal(venue.NetLots);
        decimal upl = venue.NetLots == 0 || mark == 0 ? 0m : decimal.Round((mark - entry) * qty, Decimals);
        decimal notional = Math.Abs(qty) * mark;
        return new WirePosition(
            spec.Symbol,
            venue.NetLots,
            entry,
            mark,
            account.Leverage,
            upl,
            decimal.Round(account.CurRealized, Decimals),
            decimal.Round(venue.RealizedPnl - venue.Fees - venue.Funding, Decimals),
            decimal.Round(notional / account.Leverage, Decimals),
            decimal.Round(notional * MaintenanceRate, Decimals),
            account.TakeProfit?.TriggerTicks ?? 0,
            account.StopLoss?.TriggerTicks ?? 0,
            account.CreatedMs,
            account.UpdatedMs,
            account.Seq);
    }

    /// <summary>The USDT wallet (call under the gate).</summary>
    public WireWallet Wallet()
    {
        decimal upl = 0, positionIm = 0, mm = 0, orderIm = 0;
        for (int i = 0; i < Instruments.Count; i++)
        {
            var p = Position(i);
            upl += p.UnrealizedPnl;
            positionIm += p.InitialMargin;
            mm += p.MaintenanceMargin;
        }
        foreach (var o in Orders.All)
        {
            if (!o.IsOpen || o.ReduceOnly || o.IsConditional || o.Type != OrderType.Limit) continue;
            long remaining = o.QtyLots - o.FilledLots;
            if (remaining > 0) orderIm += o.Spec.Notional(o.PriceTicks, remaining) / Accounts[o.SymbolId].Leverage;
        }
        var account = _venue.Account;
        decimal balance = decimal.Round(account.Balance, Decimals);
        return new WireWallet(
            "USDT",
            balance,
            upl,
            decimal.Round(balance + upl - positionIm - orderIm, Decimals),
            positionIm,
            decimal.Round(orderIm, Decimals),
            mm,
            decimal.Round(account.RealizedPnl - account.FeesPaid - account.FundingPaid, Decimals),
            NowMs());
    }

    /// <summary>Sets a symbol's leverage; false when it already had that value.</summary>
    public bool SetLeverage(int symbolId, int leverage)
    {
        lock (_gate)
        {
            var account = Accounts[symbolId];
            if (account.Leverage == leverage) return false;
            account.Leverage = leverage;
            return true;
        }
    }
}
