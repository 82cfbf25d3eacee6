using Microsoft.Data.Sqlite;
using Smallfish.Core.Domain;
using static Smallfish.Persistence.Journal.SqliteValues;

namespace Smallfish.Persistence.Reading;

public sealed partial class JournalReader
{
    private static readonly string TerminalStatuses = string.Join(", ",
        Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()).Select(s => "'" + s + "'"));

    private const string OrderSelect = """
        SELECT o.client_order_id, o.symbol, o.side, o.order_type, o.time_in_force, o.price_ticks, o.qty_lots,
               o.trigger_price_ticks, o.reduce_only, o.role, o.sent_ns,
               u.status, u.filled_lots, u.ts_ns,
               (SELECT x.exchange_order_id FROM order_updates x
                 WHERE x.client_order_id = o.client_order_id AND x.exchange_order_id IS NOT NULL ORDER BY x.id DESC LIMIT 1)
        FROM orders_sent o
        LEFT JOIN order_updates u ON u.id = (SELECT MAX(id) FROM order_updates WHERE client_order_id = o.client_order_id)
        """;

    /// <summary>
    /// Orders sent and not known to be finished (no terminal status journaled), oldest first: what the restart path
    /// reconciles against the exchange's open orders.
    /// </summary>
    public IReadOnlyList<JournalOrder> ReadOpenOrders() =>
        ReadOrders(OrderSelect + $" WHERE u.status IS NULL OR u.status NOT IN ({TerminalStatuses}) ORDER BY o.sent_ns, o.id");

    /// <summary>Every order sent, with its latest status, oldest first.</summary>
    public IReadOnlyList<JournalOrder> ReadOrders() => ReadOrders(OrderSelect + " ORDER BY o.sent_ns, o.id");

    /// <summary>Status changes in the order they were journaled; all orders when <paramref name="clientOrderId"/> is null.</summary>
    public IReadOnlyList<OrderUpdate> ReadOrderUpdates(string? clientOrderId = null)
    {
        const string select = "SELECT client_order_id, exchange_order_id, symbol, status, filled_lots, avg_price_ticks, reject_reason, message, ts_ns FROM order_updates";
        using var cmd = clientOrderId is null
            ? Command(select + " ORDER BY id")
            : Command(select + " WHERE client_order_id = $id ORDER BY id", ("$id", clientOrderId));
        using var r = cmd.ExecuteReader();
        var list = new List<OrderUpdate>();
        while (r.Read())
        {
            list.Add(new OrderUpdate(r.GetString(0), ReadText(r, 1), r.GetString(2), ReadEnum<OrderStatus>(r, 3), r.GetInt64(4),
                ReadMoney(r, 5), ReadEnum<RejectReason>(r, 6), ReadText(r, 7), r.GetInt64(8)));
        }
        return list;
    }

    /// <summary>Fills of one order in journal order.</summary>
    public IReadOnlyList<Fill> ReadFills(string clientOrderId)
    {
        using var cmd = Command(FillSelect + " WHERE client_order_id = $id ORDER BY id", ("$id", clientOrderId));
        return ReadFillRows(cmd);
    }

    /// <summary>Every fill in journal order.</summary>
    public IReadOnlyList<Fill> ReadAllFills()
    {
        using var cmd = Command(FillSelect + " ORDER BY id");
        return ReadFillRows(cmd);
    }

    private const string FillSelect = "SELECT exec_id, client_order_id, symbol, side, price_ticks, qty_lots, fee, is_maker, ts_ns FROM fills";

    private static List<Fill> ReadFillRows(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<Fill>();
        while (r.Read())
        {
            list.Add(new Fill(r.GetString(0), r.GetString(1), r.GetString(2), ReadEnum<Side>(r, 3), r.GetInt64(4), r.GetInt64(5),
                ReadMoney(r, 6), r.GetInt64(7) != 0, r.GetInt64(8)));
        }
        return list;
    }

    private List<JournalOrder> ReadOrders(string sql)
    {
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        var list = new List<JournalOrder>();
        while (r.Read())
        {
            var request = new OrderRequest(r.GetString(0), r.GetString(1), ReadEnum<Side>(r, 2), ReadEnum<OrderType>(r, 3),
                ReadEnum<TimeInForce>(r, 4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8) != 0, ReadEnum<OrderRole>(r, 9));
            long sentNs = r.GetInt64(10);
            bool hasUpdate = !r.IsDBNull(11);
            list.Add(new JournalOrder(request, sentNs,
                hasUpdate ? ReadEnum<OrderStatus>(r, 11) : OrderStatus.PendingNew,
                hasUpdate ? r.GetInt64(12) : 0,
                ReadText(r, 14),
                hasUpdate ? r.GetInt64(13) : sentNs));
        }
        return list;
    }
}
