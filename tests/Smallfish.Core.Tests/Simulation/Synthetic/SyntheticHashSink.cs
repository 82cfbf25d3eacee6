using System.Buffers.Binary;
using System.Security.Cryptography;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.Simulation.Synthetic;

/// <summary>Hashes every field of every event, in order, so two streams compare byte for byte.</summary>
internal sealed class SyntheticHashSink : IMarketEventSink, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buf = new byte[8];

    public long Events { get; private set; }

    public void OnBook(BookUpdate u)
    {
        Put(1); Put(u.SymbolId); Put((long)u.Kind); Put(u.FirstUpdateId); Put(u.LastUpdateId); Put(u.PrevUpdateId); Put(u.Sequence);
        Put(u.ExchTsNs); Put(u.LocalTsNs);
        Put(u.Bids.Count);
        for (int i = 0; i < u.Bids.Count; i++) { Put(u.Bids.PriceAt(i)); Put(u.Bids.QtyAt(i)); }
        Put(u.Asks.Count);
        for (int i = 0; i < u.Asks.Count; i++) { Put(u.Asks.PriceAt(i)); Put(u.Asks.QtyAt(i)); }
        Events++;
    }

    public void OnTrade(in TradeEvent t)
    {
        Put(2); Put(t.SymbolId); Put(t.ExchTsNs); Put(t.LocalTsNs); Put(t.PriceTicks); Put(t.QtyLots); Put((long)t.Aggressor); Put(t.TradeId); Put((long)t.Flags);
        Events++;
    }

    public void OnBbo(in BboEvent b)
    {
        Put(3); Put(b.SymbolId); Put(b.ExchTsNs); Put(b.LocalTsNs); Put(b.UpdateId); Put(b.BidTicks); Put(b.BidLots); Put(b.AskTicks); Put(b.AskLots);
        Events++;
    }

    public void OnTicker(in TickerEvent t)
    {
        Put(4); Put(t.SymbolId); Put(t.ExchTsNs); Put(t.LocalTsNs); Put(t.LastPrice); Put(t.MarkPrice); Put(t.IndexPrice); Put(t.FundingRate);
        Put(t.NextFundingTimeNs); Put(t.Turnover24h); Put(t.PriceChangePct24h);
        Events++;
    }

    public string Hex() => Convert.ToHexString(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();

    private void Put(long v)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buf, v);
        _hash.AppendData(_buf);
    }

    private void Put(double v) => Put(BitConverter.DoubleToInt64Bits(v));
}
