using Smallfish.Core.Domain;
using Smallfish.Core.Instruments;
using Smallfish.Core.Risk;

namespace Smallfish.Core.Tests.Risk;

/// <summary>FsCheck properties of the sizer over random equities, risks, caps, prices, stops and instrument grids.</summary>
public class PositionSizerProperties
{
    private static readonly InstrumentSpec[] Specs =
    [
        new("BTCUSDT", 0.1m, 0.001m, 0.001m, 5m),
        new("ETHUSDT", 0.01m, 0.001m, 0.001m, 5m),
        new("SOLUSDT", 0.01m, 0.1m, 0.1m, 5m),
        new("DOGEUSDT", 0.00001m, 1m, 1m, 5m),
        new("BIGSTEP", 0.5m, 100m, 100m, 20m),
    ];

    private static (SizingRequest Request, InstrumentSpec Spec) Draw(int a, int b, int c, int d, int e, int f)
    {
        var spec = Specs[(uint)a % Specs.Length];
        decimal equity = 1m + (uint)b % 1_000_000;                   // 1 .. 1 000 000 USDT
        double riskPct = 0.01 + (uint)c % 1000 / 100.0;              // 0.01 .. 10 %
        double cap = 0.5 + (uint)d % 300 / 10.0;                     // 0.5 .. 30x
        long entry = 1 + (uint)e % 10_000_000;                       // ticks
        long stop = 1 + (uint)f % 50_000;                            // ticks
        double multiplier = new[] { 1.0, 0.75, 0.5, 0.25 }[(uint)(a ^ f) % 4];
        decimal open = (uint)(b ^ e) % 3 == 0 ? equity * (decimal)((uint)c % 7) : 0;
        return (new SizingRequest(equity, riskPct, multiplier, cap, open, Side.Buy, entry, stop), spec);
    }

#pragma warning disable NUnit1027 // FsCheck supplies the arguments
    [FsCheck.NUnit.Property(MaxTest = 2000)]
    public bool Size_Any_NeverRisksMoreThanTheBudget(int a, int b, int c, int d, int e, int f)
    {
        var (request, spec) = Draw(a, b, c, d, e, f);
        var r = PositionSizer.Size(request, spec);
        decimal lossAtStop = r.Lots * request.StopDistanceTicks * spec.TickSize * spec.QtyStep;
        decimal budget = request.Equity * (decimal)request.RiskPerTradePct / 100m * (decimal)request.SizeMultiplier;
        return lossAtStop <= budget * 1.000000001m;
    }

    [FsCheck.NUnit.Property(MaxTest = 2000)]
    public bool Size_Any_NeverBelowTheExchangeMinimumsUnlessZero(int a, int b, int c, int d, int e, int f)
    {
        var (request, spec) = Draw(a, b, c, d, e, f);
        var r = PositionSizer.Size(request, spec);
        if (r.Lots == 0) return r.Reason == GateReason.BelowMinimumSize;
        return r.Lots >= spec.MinLots && spec.Notional(request.EntryTicks, r.Lots) >= spec.MinNotional && r.Reason == GateReason.Pass;
    }

    [FsCheck.NUnit.Property(MaxTest = 2000)]
    public bool Size_Any_NeverAboveTheEquityCap(int a, int b, int c, int d, int e, int f)
    {
        var (request, spec) = Draw(a, b, c, d, e, f);
        var r = PositionSizer.Size(request, spec);
        decimal cap = request.Equity * (decimal)request.EquityCapMultiple;
        return request.OpenNotional + spec.Notional(request.EntryTicks, r.Lots) <= cap * 1.000000001m || r.Lots == 0;
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public bool Size_OneLotMore_WouldBreakABoundOrTheSizeIsZero(int a, int b, int c, int d, int e, int f)
    {
        // Maximality: the sizer does not leave a whole lot on the table.
        var (request, spec) = Draw(a, b, c, d, e, f);
        var r = PositionSizer.Size(request, spec);
        if (r.Lots == 0) return true;
        long more = r.Lots + 1;
        decimal budget = request.Equity * (decimal)request.RiskPerTradePct / 100m * (decimal)request.SizeMultiplier;
        bool overRisk = more * request.StopDistanceTicks * spec.TickSize * spec.QtyStep > budget;
        bool overCap = request.OpenNotional + spec.Notional(request.EntryTicks, more) > request.Equity * (decimal)request.EquityCapMultiple;
        return overRisk || overCap;
    }
#pragma warning restore NUnit1027
}
