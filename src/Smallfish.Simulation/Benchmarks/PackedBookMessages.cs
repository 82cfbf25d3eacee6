using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Benchmarks;

/// <summary>
/// Book messages parsed ahead of time and packed into one contiguous arena (headers plus interleaved price/size
/// levels), replayed by filling a single reusable <see cref="BookUpdate"/> as a parser would: the timed loop reads
/// memory sequentially instead of chasing tens of thousands of separate message objects.
/// </summary>
internal sealed class PackedBookMessages
{
    private readonly Header[] _headers;
    private readonly long[] _levels; // price, size, price, size, ...

    public PackedBookMessages(IReadOnlyList<BookUpdate> messages)
    {
        _headers = new Header[messages.Count];
        long total = 0;
        foreach (var m in messages) total += m.Bids.Count + m.Asks.Count;
        _levels = new long[total * 2];
        int at = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            _headers[i] = new Header(m.SymbolId, m.Kind, m.FirstUpdateId, m.LastUpdateId, m.PrevUpdateId, m.Sequence, m.ExchTsNs, m.LocalTsNs,
                m.EngineTsNs, at, m.Bids.Count, m.Asks.Count);
            for (int j = 0; j < m.Bids.Count; j++, at += 2) (_levels[at], _levels[at + 1]) = (m.Bids.PriceAt(j), m.Bids.QtyAt(j));
            for (int j = 0; j < m.Asks.Count; j++, at += 2) (_levels[at], _levels[at + 1]) = (m.Asks.PriceAt(j), m.Asks.QtyAt(j));
        }
    }

    public int Count => _headers.Length;

    public BookUpdateKind KindAt(int i) => _headers[i].Kind;

    public int LevelsAt(int i) => _headers[i].Bids + _headers[i].Asks;

    /// <summary>Makes <paramref name="target"/> message <paramref name="i"/>.</summary>
    public void Fill(int i, BookUpdate target)
    {
        ref readonly Header h = ref _headers[i];
        target.SymbolId = h.SymbolId;
        target.Kind = h.Kind;
        target.FirstUpdateId = h.First;
        target.LastUpdateId = h.Last;
        target.PrevUpdateId = h.Prev;
        target.Sequence = h.Sequence;
        target.ExchTsNs = h.Exch;
        target.LocalTsNs = h.Local;
        target.EngineTsNs = h.Engine;
        target.Bids.Clear();
        target.Asks.Clear();
        var levels = _levels;
        int at = h.Offset;
        for (int j = 0; j < h.Bids; j++, at += 2) target.Bids.Add(levels[at], levels[at + 1]);
        for (int j = 0; j < h.Asks; j++, at += 2) target.Asks.Add(levels[at], levels[at + 1]);
    }

    private readonly record struct Header(int SymbolId, BookUpdateKind Kind, long First, long Last, long Prev, long Sequence, long Exch, long Local,
        long Engine, int Offset, int Bids, int Asks);
}
