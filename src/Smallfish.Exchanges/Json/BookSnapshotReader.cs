using System.Text.Json;
using Smallfish.Core.Instruments;
using Smallfish.Core.MarketData;

namespace Smallfish.Exchanges.Json;

/// <summary>Fills a <see cref="BookUpdate"/> snapshot from REST <c>[price, size]</c> string rows, converting to ticks and lots once.</summary>
internal static class BookSnapshotReader
{
    public static void ReadLevels(JsonElement.ArrayEnumerator rows, InstrumentSpec spec, LevelList into)
    {
        foreach (var row in rows)
        {
            decimal price = JsonFields.ToDecimal(row.At(0), "price");
            decimal qty = JsonFields.ToDecimal(row.At(1), "size");
            into.Add(spec.Price.ToSteps(price, MidpointRounding.ToEven), spec.Qty.ToSteps(qty, MidpointRounding.ToEven));
        }
    }

    public static BookUpdate NewSnapshot(int symbolId, long lastUpdateId, long sequence, long exchTsMs, long localTsNs)
    {
        var update = new BookUpdate
        {
            SymbolId = symbolId,
            Kind = BookUpdateKind.Snapshot,
            LastUpdateId = lastUpdateId,
            Sequence = sequence,
            ExchTsNs = exchTsMs * 1_000_000,
            LocalTsNs = localTsNs,
        };
        return update;
    }
}
