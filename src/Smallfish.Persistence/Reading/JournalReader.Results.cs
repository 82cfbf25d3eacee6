using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Core.Risk;
using Smallfish.Core.Time;
using static Smallfish.Persistence.Journal.SqliteValues;

namespace Smallfish.Persistence.Reading;

public sealed partial class JournalReader
{
    private const string TradeSelect = """
        SELECT symbol, side, entry_price, exit_price, qty, gross_pnl, fees, funding, net_pnl, r_multiple, mae_price, mfe_price,
               opened_ns, closed_ns, reason, slippage_ticks FROM trades
        """;

    /// <summary>The <paramref name="count"/> most recently closed round trips, newest first.</summary>
    public IReadOnlyList<TradeResult> ReadLastTrades(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ReadTradeRows(TradeSelect + " ORDER BY closed_ns DESC, id DESC LIMIT $n", ("$n", count));
    }

    /// <summary>Round trips closed in [<paramref name="fromNs"/>, <paramref name="toNs"/>), oldest first.</summary>
    public IReadOnlyList<TradeResult> ReadTrades(long fromNs, long toNs) =>
        ReadTradeRows(TradeSelect + " WHERE closed_ns >= $from AND closed_ns < $to ORDER BY closed_ns, id", ("$from", fromNs), ("$to", toNs));

    /// <summary>Totals of the round trips closed on the UTC day <paramref name="day"/>.</summary>
    public DailyPnl ReadDailyPnl(DateOnly day)
    {
        long from = (day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86_400L * TimeProviderExtensions.NsPerSecond;
        var trades = ReadTrades(from, from + 86_400L * TimeProviderExtensions.NsPerSecond);
        int wins = 0, losses = 0;
        decimal gross = 0, fees = 0, funding = 0, net = 0;
        double sumR = 0;
        foreach (var t in trades)
        {
            if (t.NetPnl > 0) wins++;
            else if (t.NetPnl < 0) losses++;
            gross += t.GrossPnl;
            fees += t.Fees;
            funding += t.Funding;
            net += t.NetPnl;
            if (!double.IsNaN(t.RMultiple)) sumR += t.RMultiple;
        }
        return new DailyPnl(day, trades.Count, wins, losses, gross, fees, funding, net, sumR);
    }

    /// <summary>Equity points in [<paramref name="fromNs"/>, <paramref name="toNs"/>), oldest first.</summary>
    public IReadOnlyList<EquitySnapshot> ReadEquity(long fromNs, long toNs)
    {
        using var cmd = Command("SELECT ts_ns, equity, peak_equity, drawdown_pct, open_positions FROM equity WHERE ts_ns >= $from AND ts_ns < $to ORDER BY ts_ns, id",
            ("$from", fromNs), ("$to", toNs));
        using var r = cmd.ExecuteReader();
        var list = new List<EquitySnapshot>();
        while (r.Read()) list.Add(new EquitySnapshot(r.GetInt64(0), ReadMoney(r, 1), ReadMoney(r, 2), ReadReal(r, 3), r.GetInt32(4)));
        return list;
    }

    /// <summary>Shadow trades opened in [<paramref name="fromNs"/>, <paramref name="toNs"/>), oldest first, in their latest state.</summary>
    public IReadOnlyList<ShadowTrade> ReadShadowTrades(long fromNs, long toNs)
    {
        using var cmd = Command("""
            SELECT symbol, side, gate_code, opened_ns, closed_ns, entry_price_ticks, stop_ticks, take_profit_ticks, exit_price_ticks,
                   r_multiple, confidence FROM shadow_trades WHERE opened_ns >= $from AND opened_ns < $to ORDER BY opened_ns, id
            """, ("$from", fromNs), ("$to", toNs));
        using var r = cmd.ExecuteReader();
        var list = new List<ShadowTrade>();
        while (r.Read())
        {
            list.Add(new ShadowTrade(r.GetString(0), ReadEnum<Side>(r, 1), (GateReason)r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), ReadReal(r, 9), ReadReal(r, 10)));
        }
        return list;
    }

    private List<TradeResult> ReadTradeRows(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<TradeResult>();
        while (r.Read())
        {
            list.Add(new TradeResult(r.GetString(0), ReadEnum<Side>(r, 1), ReadMoney(r, 2), ReadMoney(r, 3), ReadMoney(r, 4),
                ReadMoney(r, 5), ReadMoney(r, 6), ReadMoney(r, 7), ReadMoney(r, 8), ReadReal(r, 9), ReadMoney(r, 10), ReadMoney(r, 11),
                r.GetInt64(12), r.GetInt64(13), ReadEnum<ExitReason>(r, 14), r.GetInt64(15)));
        }
        return list;
    }
}
