using Smallfish.Core.Journal;
using Smallfish.Core.Risk;
using Smallfish.Persistence.Schema;
using static Smallfish.Persistence.Journal.SqliteValues;

namespace Smallfish.Persistence.Reading;

public sealed partial class JournalReader
{
    private static readonly string DecisionSelect =
        "SELECT ts_ns, symbol, sequence, direction, confidence, active_count, agreeing_count, "
        + string.Join(", ", JournalColumns.ScoreColumns) + ", " + string.Join(", ", JournalColumns.WeightColumns)
        + ", gate_code, action, price_ticks, qty_lots FROM decisions";

    /// <summary>Decisions made in [<paramref name="fromNs"/>, <paramref name="toNs"/>), oldest first.</summary>
    public IReadOnlyList<DecisionRecord> ReadDecisions(long fromNs, long toNs)
    {
        using var cmd = Command(DecisionSelect + " WHERE ts_ns >= $from AND ts_ns < $to ORDER BY ts_ns, id", ("$from", fromNs), ("$to", toNs));
        using var r = cmd.ExecuteReader();
        int n = JournalColumns.Signals.Length;
        var list = new List<DecisionRecord>();
        while (r.Read())
        {
            var scores = new double[n];
            var weights = new double[n];
            for (int i = 0; i < n; i++)
            {
                scores[i] = ReadReal(r, 7 + i);
                weights[i] = ReadReal(r, 7 + n + i);
            }
            int c = 7 + 2 * n;
            list.Add(new DecisionRecord(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt32(3), ReadReal(r, 4), r.GetInt32(5),
                r.GetInt32(6), scores, weights, (GateReason)r.GetInt64(c), r.GetString(c + 1), r.GetInt64(c + 2), r.GetInt64(c + 3)));
        }
        return list;
    }
}
