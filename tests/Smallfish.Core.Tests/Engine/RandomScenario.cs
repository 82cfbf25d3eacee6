using System.Globalization;
using System.Text;
using Smallfish.Core.Domain;
using static Smallfish.Core.Tests.Engine.EngineHarness;

namespace Smallfish.Core.Tests.Engine;

/// <summary>
/// A long seeded random session: a wandering book, trades at and through the touch (sweeps that gap stops), the
/// fusion switching its mind, options drawn per seed, the odd kill and resume. Ends with a quiet stretch long enough
/// for time stops and retries to settle everything.
/// </summary>
internal static class RandomScenario
{
    /// <summary>
    /// Runs the session; with <paramref name="stopAfter"/> it returns right after that step, mid-session (no quiet
    /// tail): the point where a crash test kills the engine.
    /// </summary>
    public static EngineHarness Run(int seed, int steps = 1500, int stopAfter = -1)
    {
        var rng = new Random(seed);
        var h = new EngineHarness(o =>
        {
            o.Risk.Trailing.Enabled = rng.Next(2) == 0;
            o.Risk.PartialTakeProfit.Enabled = rng.Next(2) == 0;
            o.Risk.TimeStopSeconds = 2 + rng.Next(4);
            o.Risk.DailyLossLimitR = 1000;
            o.Risk.MaxSlippageBreaches = 1000;
            o.Routing.MaxReprices = rng.Next(4);
            o.Routing.PostOnlyRepriceAfterMs = 50 + rng.Next(300);
            o.Routing.EntryOffsetTicks = rng.Next(2);
            o.Gates.CooldownAfterLossSeconds = rng.Next(3);
            o.Gates.MaxSpreadTicks = 3;
        });
        long t = T0;
        long bid = 1000, spread = 1;
        h.Quote(t, bid, bid + spread);
        for (int i = 0; i < steps; i++)
        {
            t += (2 + rng.Next(30)) * Ms;
            int r = rng.Next(100);
            if (r < 30)
            {
                bid += rng.Next(3) - 1;
                spread = rng.Next(8) == 0 ? 3 : 1;
                h.Quote(t, bid, bid + spread, bidLots: 20 + rng.Next(200), askLots: 20 + rng.Next(200));
            }
            else if (r < 78)
            {
                bool sell = rng.Next(2) == 0;
                long through = rng.Next(10) == 0 ? rng.Next(15) : 0;
                long px = sell ? bid - through : bid + spread + through;
                h.Trade(t, px, 1 + rng.Next(300), sell ? Side.Sell : Side.Buy);
                if (through > 0)
                {
                    bid = sell ? px - 1 : px;
                    h.Quote(t, bid, bid + spread);
                }
            }
            else if (r < 88) h.Signals.Want(rng.Next(2) == 0 ? 1 : -1, 0.5 + rng.NextDouble() * 0.45);
            else if (r < 96) h.Signals.Hold(rng.Next(2) == 0 ? 1 : -1, rng.NextDouble() * 0.9);
            else h.Signals.Quiet();

            if (rng.Next(700) == 0) h.Engine.Kill();
            else if (rng.Next(300) == 0) h.Engine.Resume();
            h.RunThrough(t);
            if (i == stopAfter) return h;
        }
        h.Signals.Quiet();
        h.RunThrough(t + 12 * Second);
        return h;
    }

    /// <summary>Everything the engine said and did, one line per record, for comparing runs.</summary>
    public static string Digest(EngineHarness h)
    {
        var sb = new StringBuilder();
        foreach (var line in h.Orders.Log) sb.AppendLine(line);
        foreach (var d in h.Journal.Decisions)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"decision {d.TsNs} {d.Symbol} {d.Sequence} {d.Direction} {d.Confidence:R} {d.Gate} {d.Action} {d.PriceTicks} {d.QtyLots} {string.Join(',', d.Scores)}"));
        }
        foreach (var (request, ts) in h.Journal.OrdersSent) sb.AppendLine($"sent {ts} {request}");
        foreach (var u in h.Journal.OrderUpdates) sb.AppendLine($"update {u}");
        foreach (var f in h.Journal.Fills) sb.AppendLine($"fill {f}");
        foreach (var tr in h.Journal.Trades) sb.AppendLine($"trade {tr}");
        foreach (var s in h.Journal.ShadowTrades) sb.AppendLine($"shadow {s}");
        foreach (var e in h.Journal.Equity) sb.AppendLine($"equity {e}");
        return sb.ToString();
    }
}
