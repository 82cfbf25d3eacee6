using Microsoft.Data.Sqlite;
using Smallfish.Core.Domain;
using Smallfish.Core.Journal;
using Smallfish.Persistence.Schema;
using Smallfish.Persistence.State;
using static Smallfish.Persistence.Journal.SqliteValues;

namespace Smallfish.Persistence.Journal;

/// <summary>
/// Turns queued items into rows on the writer's connection with prepared statements, inside the transaction the
/// caller opened. Used only by the journal's background writer thread.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    private readonly SqliteCommand _decision;
    private readonly SqliteCommand _orderSent;
    private readonly SqliteCommand _orderUpdate;
    private readonly SqliteCommand _fill;
    private readonly SqliteCommand _trade;
    private readonly SqliteCommand _equity;
    private readonly SqliteCommand _shadow;
    private readonly SqliteCommand _state;
    private readonly SqliteCommand[] _all;

    public JournalWriter(SqliteConnection connection)
    {
        var signalCols = JournalColumns.ScoreColumns.Concat(JournalColumns.WeightColumns).ToArray();
        _decision = Insert(connection, "decisions",
            ["ts_ns", "symbol", "sequence", "direction", "confidence", "active_count", "agreeing_count", .. signalCols,
             "gate_code", "gate_name", "action", "price_ticks", "qty_lots"]);
        _orderSent = Insert(connection, "orders_sent",
            ["client_order_id", "symbol", "side", "order_type", "time_in_force", "price_ticks", "qty_lots", "trigger_price_ticks",
             "reduce_only", "role", "sent_ns"], "INSERT OR IGNORE");
        _orderUpdate = Insert(connection, "order_updates",
            ["client_order_id", "exchange_order_id", "symbol", "status", "filled_lots", "avg_price_ticks", "reject_reason", "message", "ts_ns"]);
        _fill = Insert(connection, "fills",
            ["exec_id", "client_order_id", "symbol", "side", "price_ticks", "qty_lots", "fee", "is_maker", "ts_ns"], "INSERT OR IGNORE");
        _trade = Insert(connection, "trades",
            ["symbol", "side", "entry_price", "exit_price", "qty", "gross_pnl", "fees", "funding", "net_pnl", "r_multiple",
             "mae_price", "mfe_price", "opened_ns", "closed_ns", "reason", "slippage_ticks"]);
        _equity = Insert(connection, "equity", ["ts_ns", "equity", "peak_equity", "drawdown_pct", "open_positions"]);
        _shadow = Insert(connection, "shadow_trades",
            ["symbol", "side", "gate_code", "gate_name", "opened_ns", "closed_ns", "entry_price_ticks", "stop_ticks",
             "take_profit_ticks", "exit_price_ticks", "r_multiple", "confidence"],
            suffix: " ON CONFLICT (symbol, side, opened_ns) DO UPDATE SET closed_ns = excluded.closed_ns, "
                  + "exit_price_ticks = excluded.exit_price_ticks, r_multiple = excluded.r_multiple, "
                  + "stop_ticks = excluded.stop_ticks, take_profit_ticks = excluded.take_profit_ticks");
        _state = Insert(connection, "engine_state", ["key", "kind", "value", "updated_ns"],
            suffix: " ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, value = excluded.value, updated_ns = excluded.updated_ns");
        _all = [_decision, _orderSent, _orderUpdate, _fill, _trade, _equity, _shadow, _state];
    }

    /// <summary>Attaches every statement to <paramref name="tx"/>.</summary>
    public void Enlist(SqliteTransaction? tx)
    {
        foreach (var c in _all) c.Transaction = tx;
    }

    /// <summary>Writes one item; returns false when it was a duplicate the database ignored (fills only).</summary>
    public bool Write(in JournalItem item)
    {
        switch (item.Kind)
        {
            case JournalItemKind.Decision: WriteDecision((DecisionRecord)item.Payload); return true;
            case JournalItemKind.OrderSent: WriteOrderSent((OrderRequest)item.Payload, item.TsNs); return true;
            case JournalItemKind.OrderUpdate: WriteOrderUpdate((OrderUpdate)item.Payload); return true;
            case JournalItemKind.Fill: return WriteFill((Fill)item.Payload);
            case JournalItemKind.Trade: WriteTrade((TradeResult)item.Payload); return true;
            case JournalItemKind.Equity: WriteEquity((EquitySnapshot)item.Payload); return true;
            case JournalItemKind.Shadow: WriteShadow((ShadowTrade)item.Payload); return true;
            case JournalItemKind.State: WriteState((EngineStateEntry)item.Payload); return true;
            default: throw new InvalidOperationException($"journal item {item.Kind} is not a record");
        }
    }

    private void WriteDecision(DecisionRecord d)
    {
        int n = JournalColumns.Signals.Length;
        var p = _decision.Parameters;
        int i = 0;
        p[i++].Value = d.TsNs;
        p[i++].Value = d.Symbol;
        p[i++].Value = d.Sequence;
        p[i++].Value = d.Direction;
        p[i++].Value = Real(d.Confidence);
        p[i++].Value = d.ActiveCount;
        p[i++].Value = d.AgreeingCount;
        for (int s = 0; s < n; s++) p[i++].Value = d.Scores is not null && s < d.Scores.Length ? Real(d.Scores[s]) : DBNull.Value;
        for (int s = 0; s < n; s++) p[i++].Value = d.Weights is not null && s < d.Weights.Length ? Real(d.Weights[s]) : DBNull.Value;
        p[i++].Value = (long)d.Gate;
        p[i++].Value = d.Gate.ToString();
        p[i++].Value = d.Action;
        p[i++].Value = d.PriceTicks;
        p[i].Value = d.QtyLots;
        _decision.ExecuteNonQuery();
    }

    private void WriteOrderSent(OrderRequest o, long tsNs)
    {
        var p = _orderSent.Parameters;
        p[0].Value = o.ClientOrderId;
        p[1].Value = o.Symbol;
        p[2].Value = o.Side.ToString();
        p[3].Value = o.Type.ToString();
        p[4].Value = o.TimeInForce.ToString();
        p[5].Value = o.PriceTicks;
        p[6].Value = o.QtyLots;
        p[7].Value = o.TriggerPriceTicks;
        p[8].Value = Bool(o.ReduceOnly);
        p[9].Value = o.Role.ToString();
        p[10].Value = tsNs;
        _orderSent.ExecuteNonQuery();
    }

    private void WriteOrderUpdate(OrderUpdate u)
    {
        var p = _orderUpdate.Parameters;
        p[0].Value = u.ClientOrderId;
        p[1].Value = Text(u.ExchangeOrderId);
        p[2].Value = u.Symbol;
        p[3].Value = u.Status.ToString();
        p[4].Value = u.FilledLots;
        p[5].Value = Money(u.AvgPriceTicks);
        p[6].Value = u.Reject.ToString();
        p[7].Value = Text(u.Message);
        p[8].Value = u.TsNs;
        _orderUpdate.ExecuteNonQuery();
    }

    private bool WriteFill(Fill f)
    {
        var p = _fill.Parameters;
        p[0].Value = f.ExecId;
        p[1].Value = f.ClientOrderId;
        p[2].Value = f.Symbol;
        p[3].Value = f.Side.ToString();
        p[4].Value = f.PriceTicks;
        p[5].Value = f.QtyLots;
        p[6].Value = Money(f.Fee);
        p[7].Value = Bool(f.IsMaker);
        p[8].Value = f.TsNs;
        return _fill.ExecuteNonQuery() > 0;
    }

    private void WriteTrade(TradeResult t)
    {
        var p = _trade.Parameters;
        p[0].Value = t.Symbol;
        p[1].Value = t.Side.ToString();
        p[2].Value = Money(t.EntryPrice);
        p[3].Value = Money(t.ExitPrice);
        p[4].Value = Money(t.Qty);
        p[5].Value = Money(t.GrossPnl);
        p[6].Value = Money(t.Fees);
        p[7].Value = Money(t.Funding);
        p[8].Value = Money(t.NetPnl);
        p[9].Value = Real(t.RMultiple);
        p[10].Value = Money(t.MaePrice);
        p[11].Value = Money(t.MfePrice);
        p[12].Value = t.OpenedNs;
        p[13].Value = t.ClosedNs;
        p[14].Value = t.Reason.ToString();
        p[15].Value = t.SlippageTicks;
        _trade.ExecuteNonQuery();
    }

    private void WriteEquity(EquitySnapshot e)
    {
        var p = _equity.Parameters;
        p[0].Value = e.TsNs;
        p[1].Value = Money(e.Equity);
        p[2].Value = Money(e.PeakEquity);
        p[3].Value = Real(e.DrawdownPct);
        p[4].Value = e.OpenPositions;
        _equity.ExecuteNonQuery();
    }

    private void WriteShadow(ShadowTrade s)
    {
        var p = _shadow.Parameters;
        p[0].Value = s.Symbol;
        p[1].Value = s.Side.ToString();
        p[2].Value = (long)s.BlockedBy;
        p[3].Value = s.BlockedBy.ToString();
        p[4].Value = s.OpenedNs;
        p[5].Value = s.ClosedNs;
        p[6].Value = s.EntryPriceTicks;
        p[7].Value = s.StopTicks;
        p[8].Value = s.TakeProfitTicks;
        p[9].Value = s.ExitPriceTicks;
        p[10].Value = Real(s.RMultiple);
        p[11].Value = Real(s.Confidence);
        _shadow.ExecuteNonQuery();
    }

    private void WriteState(EngineStateEntry e)
    {
        var p = _state.Parameters;
        p[0].Value = e.Key;
        p[1].Value = e.Kind.ToString();
        p[2].Value = e.Value;
        p[3].Value = e.UpdatedNs;
        _state.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var c in _all) c.Dispose();
    }

    private static SqliteCommand Insert(SqliteConnection connection, string table, string[] columns, string verb = "INSERT", string suffix = "")
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = $"{verb} INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))}){suffix}";
        foreach (var c in columns) cmd.Parameters.Add(new SqliteParameter("$" + c, DBNull.Value));
        return cmd;
    }
}
