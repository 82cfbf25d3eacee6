using System.Globalization;
using Smallfish.Core.Recovery;

namespace Smallfish.Persistence.Reading;

public sealed partial class JournalReader
{
    /// <summary>
    /// What a restarted engine needs from the journal (<see cref="JournalRecovery"/>): orders not known to be finished,
    /// the last known position per symbol with its bracket levels, the execution ids already booked, and the largest
    /// run and decision sequence ever used. Reads every order and fill once; run it at start-up, before the engine.
    /// </summary>
    public JournalRecovery ReadRecovery()
    {
        var builder = new JournalRecoveryBuilder();
        foreach (var o in ReadOrders())
        {
            builder.AddOrder(new KnownOrder(o.Request, o.SentNs, o.Status, o.FilledLots, o.ExchangeOrderId));
            if (o.LastUpdateNs > 0) builder.NoteActivity(o.Request.Symbol, o.LastUpdateNs);
        }

        foreach (var f in ReadAllFills()) builder.AddFill(f);
        using var cmd = Command("SELECT MAX(sequence) FROM decisions");
        object? max = cmd.ExecuteScalar();
        if (max is not null and not DBNull) builder.AddDecisionSequence(Convert.ToInt64(max, CultureInfo.InvariantCulture));
        return builder.Build();
    }
}
