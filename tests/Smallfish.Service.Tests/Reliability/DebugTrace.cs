using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.MarketData;
using Smallfish.Core.Signals;
using Smallfish.Simulation.Backtesting.Runner;

namespace Smallfish.Service.Tests.Reliability;

internal static class DebugTrace
{
    public static readonly List<string> Bt = new();
    public static readonly List<string> Sv = new();
    public static bool In(long t) => t >= 1721347061300000000 && t <= 1721347061500000000;
}

internal sealed class TraceJournal(IJournal inner, List<string> log, TimeProvider clock) : IJournal
{
    private long Now => Smallfish.Core.Time.TimeProviderExtensions.GetUnixTimeNs(clock);
    public void RecordDecision(DecisionRecord d) { if (DebugTrace.In(d.TsNs)) log.Add($"decision {d.TsNs} {d.Gate} {d.Confidence}"); inner.RecordDecision(d); }
    public void RecordOrderSent(OrderRequest r, long ts) { if (DebugTrace.In(ts)) log.Add($"sent {ts} {r.ClientOrderId}"); inner.RecordOrderSent(r, ts); }
    public void RecordOrderUpdate(in OrderUpdate u) { if (DebugTrace.In(Now)) log.Add($"update {Now} {u.ClientOrderId} {u.Status}"); inner.RecordOrderUpdate(u); }
    public void RecordFill(in Fill f) { if (DebugTrace.In(Now)) log.Add($"fill {Now} {f.ClientOrderId}"); inner.RecordFill(f); }
    public void RecordTrade(TradeResult t) { inner.RecordTrade(t); }
    public void RecordEquity(EquitySnapshot s) { inner.RecordEquity(s); }
    public void RecordShadowTrade(ShadowTrade s) { inner.RecordShadowTrade(s); }
}

internal sealed class TraceSink(IMarketEventSink inner, List<string> log) : IMarketEventSink
{
    public void OnBook(BookUpdate u) { if (DebugTrace.In(u.ExchTsNs)) log.Add($"book {u.ExchTsNs} {u.LocalTsNs}"); inner.OnBook(u); }
    public void OnTrade(in TradeEvent t) { if (DebugTrace.In(t.ExchTsNs)) log.Add($"trade {t.ExchTsNs} {t.LocalTsNs}"); inner.OnTrade(t); }
    public void OnBbo(in BboEvent b) { if (DebugTrace.In(b.ExchTsNs)) log.Add($"bbo {b.ExchTsNs}"); inner.OnBbo(b); }
    public void OnTicker(in TickerEvent t) { if (DebugTrace.In(t.ExchTsNs)) log.Add($"ticker {t.ExchTsNs}"); inner.OnTicker(t); }
}

internal sealed class TraceStrategy(IBacktestStrategy inner, List<string> log) : IBacktestStrategy
{
    private readonly TraceSink _sink = new(inner, log);
    public void OnBook(BookUpdate u) => _sink.OnBook(u);
    public void OnTrade(in TradeEvent t) => _sink.OnTrade(t);
    public void OnBbo(in BboEvent b) => _sink.OnBbo(b);
    public void OnTicker(in TickerEvent t) => _sink.OnTicker(t);
    public void OnTimer(long now) { if (DebugTrace.In(now)) log.Add($"timer {now}"); inner.OnTimer(now); }
    public FusionResult? LastFusion(int id) => inner.LastFusion(id);
    public void OnOrderUpdate(in OrderUpdate u) => inner.OnOrderUpdate(u);
    public void OnFill(in Fill f) => inner.OnFill(f);
    public void OnFunding(in FundingPayment p) => inner.OnFunding(p);
}
