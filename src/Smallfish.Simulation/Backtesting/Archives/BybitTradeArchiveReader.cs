using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Backtesting.Archives;

/// <summary>
/// Reads a public.bybit.com derivatives trade file (<c>{SYMBOL}{YYYY-MM-DD}.csv.gz</c>: <c>timestamp,symbol,side,size,
/// price,tickDirection,trdMatchID,...</c>, timestamp in decimal seconds, side = taker side). Columns are found by name
/// from the header (newer files add <c>RPI</c>); a header-less file is read in the documented column order. Rows are
/// not guaranteed sorted, so the first read loads the day (about 440k rows for BTCUSDT: some 25 MB of events) and
/// sorts it stably by time, then events are pushed one per call. Trade ids are a stable hash of <c>trdMatchID</c>.
/// </summary>
public sealed class BybitTradeArchiveReader : CsvArchiveReader
{
    private int _ts, _symbol = 1, _side = 2, _size = 3, _price = 4, _id = 6, _columns = 7;
    private TradeEvent[]? _events;
    private int _next;

    /// <summary>Opens <paramref name="path"/> (gzip or plain CSV).</summary>
    public BybitTradeArchiveReader(string path, ArchiveInstrument instrument)
        : base(path, instrument)
    {
    }

    /// <inheritdoc />
    public override bool ReadNext(IMarketEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _events ??= LoadSorted();
        if (_next == _events.Length) return false;
        var e = _events[_next++];
        sink.OnTrade(e);
        Pushed(e.ExchTsNs);
        return true;
    }

    /// <inheritdoc />
    protected override void OnHeader(IReadOnlyList<string> header)
    {
        int Find(string name)
        {
            for (int i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
            }
            throw Error($"header has no '{name}' column");
        }
        _ts = Find("timestamp");
        _symbol = Find("symbol");
        _side = Find("side");
        _size = Find("size");
        _price = Find("price");
        _id = Find("trdMatchID");
        _columns = header.Count;
    }

    /// <inheritdoc />
    protected override string? ParseRow(ReadOnlySpan<byte> line, IMarketEventSink sink) => throw new NotSupportedException();

    private TradeEvent[] LoadSorted()
    {
        var list = new List<TradeEvent>(1 << 12);
        bool sorted = true;
        Span<Range> c = stackalloc Range[32];
        while (NextDataLine(out var line))
        {
            int n = ArchiveText.Split(line, c);
            if (n < 0 || n < _columns) throw Error($"expected {_columns} columns");
            if (!ArchiveText.TryParseSecondsToNs(line[c[_ts]], out long ts)) throw Error("timestamp is not decimal seconds");
            if (!ArchiveText.EqualsIgnoreCase(line[c[_symbol]], Instrument.Spec.Symbol))
                throw Error($"row is for {System.Text.Encoding.ASCII.GetString(line[c[_symbol]])}, the file for {Instrument.Spec.Symbol}");
            var sideText = line[c[_side]];
            Side side = ArchiveText.EqualsIgnoreCase(sideText, "Buy") ? Side.Buy
                : ArchiveText.EqualsIgnoreCase(sideText, "Sell") ? Side.Sell
                : throw Error("side is neither Buy nor Sell");
            var spec = Instrument.Spec;
            if (!spec.Qty.TryParseSteps(line[c[_size]], out long qty)) throw Error($"size is not on the {spec.Symbol} lot grid {spec.QtyStep}");
            if (!spec.Price.TryParseSteps(line[c[_price]], out long price)) throw Error($"price is not on the {spec.Symbol} tick grid {spec.TickSize}");
            if (list.Count > 0 && ts < list[^1].ExchTsNs) sorted = false;
            list.Add(new TradeEvent(Instrument.SymbolId, ts, ts, price, qty, side, ArchiveText.HashId(line[c[_id]])));
        }
        var events = list.ToArray();
        if (!sorted)
        {
            // stable: order by time, then by position in the file
            var keys = new (long Ts, int Index)[events.Length];
            for (int i = 0; i < keys.Length; i++) keys[i] = (events[i].ExchTsNs, i);
            var copy = (TradeEvent[])events.Clone();
            Array.Sort(keys, copy);
            events = copy;
        }
        return events;
    }
}
