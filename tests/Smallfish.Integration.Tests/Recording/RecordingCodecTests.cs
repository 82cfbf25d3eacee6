using System.Text;
using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Simulation.Recording;

namespace Smallfish.Integration.Tests.Recording;

/// <summary>The pure codec: encoder and decoder agree on every value, blocks are checked, errors carry offsets.</summary>
public class RecordingCodecTests
{
    [Test]
    public void Crc32C_StandardCheckValue_Matches() =>
        Assert.That(Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0xE3069283u));

    [Test]
    public void DecodeBlock_RandomEventsWithExtremeValues_SameEventsBack()
    {
        var rng = new Random(20260809);
        long[] edges = [0, 1, -1, long.MaxValue, long.MinValue, 127, 128, -64, -65, 1L << 35];
        long Any() => rng.Next(4) == 0 ? edges[rng.Next(edges.Length)] : rng.NextInt64(-1L << 40, 1L << 40);
        var events = new MarketEventList();
        var book = new BookUpdate();
        for (int i = 0; i < 5_000; i++)
        {
            int sym = rng.Next(4);
            switch (rng.Next(4))
            {
                case 0:
                    book.Reset();
                    book.SymbolId = sym;
                    book.Kind = rng.Next(2) == 0 ? BookUpdateKind.Snapshot : BookUpdateKind.Delta;
                    book.FirstUpdateId = rng.Next(3) == 0 ? 0 : Any();
                    book.LastUpdateId = Any();
                    book.PrevUpdateId = rng.Next(3) == 0 ? 0 : Any();
                    book.Sequence = rng.Next(3) == 0 ? 0 : Any();
                    book.ExchTsNs = Any();
                    book.LocalTsNs = Any();
                    for (int k = rng.Next(30); k > 0; k--) book.Bids.Add(Any(), Any());
                    for (int k = rng.Next(30); k > 0; k--) book.Asks.Add(Any(), Any());
                    events.Add(book);
                    break;
                case 1:
                    events.Add(new TradeEvent(sym, Any(), Any(), Any(), Any(), rng.Next(2) == 0 ? Side.Buy : Side.Sell, Any(), (TradeFlags)rng.Next(256)));
                    break;
                case 2:
                    events.Add(new BboEvent(sym, Any(), Any(), Any(), Any(), Any(), Any(), Any()));
                    break;
                default:
                    events.Add(new TickerEvent(sym, Any(), Any(), BitConverter.Int64BitsToDouble(Any()), rng.NextDouble(), double.NaN, -rng.NextDouble(), Any(),
                        BitConverter.Int64BitsToDouble(Any()), 0.0));
                    break;
            }
        }

        var builder = new RecordingBlockBuilder(4, 1024);
        var sink = new BlockSink(builder);
        events.ReplayInto(sink);
        var block = builder.Seal();
        var capture = new CapturingSink();
        int decoded = new MarketEventDecoder(4).DecodeBlock(block.Payload, capture, out long dropped);
        block.Return();

        Assert.That(decoded, Is.EqualTo(events.Count));
        Assert.That(dropped, Is.Zero);
        Assert.That(capture.Events, Is.EqualTo(events.Texts()));
    }

    [Test]
    public void DecodeBlock_GapRecord_ReportedAsDroppedNotDelivered()
    {
        var builder = new RecordingBlockBuilder(1);
        builder.AddGap(7);
        builder.Add(new TradeEvent(0, 1, 2, 3, 4, Side.Buy));
        var block = builder.Seal();
        var capture = new CapturingSink();
        int events = new MarketEventDecoder(1).DecodeBlock(block.Payload, capture, out long dropped);
        Assert.That((events, dropped, block.RecordCount, block.EventCount), Is.EqualTo((1, 7L, 2, 1)));
        Assert.That(capture.Events, Has.Count.EqualTo(1));
        block.Return();
    }

    [Test]
    public void Next_RecordLengthPastBlockEnd_ErrorAtRecordOffset()
    {
        var builder = new RecordingBlockBuilder(1);
        builder.Add(new TradeEvent(0, 1, 2, 3, 4, Side.Buy));
        builder.Add(new TradeEvent(0, 5, 6, 7, 8, Side.Sell));
        var block = builder.Seal();
        var payload = block.Payload.ToArray();
        block.Return();
        int first = payload[0] + 1; // one-byte length prefix + body
        payload[first] = 0x7F; // second record now claims 127 bytes
        var ex = Assert.Throws<RecordingFormatException>(() => new MarketEventDecoder(1).DecodeBlock(payload, new CapturingSink(), out _));
        Assert.That(ex!.Offset, Is.EqualTo(first));
        Assert.That(ex.FilePath, Is.Null);
    }

    [Test]
    public void Next_SymbolOutsideTable_Error()
    {
        var builder = new RecordingBlockBuilder(8);
        builder.Add(new TradeEvent(5, 1, 2, 3, 4, Side.Buy));
        var block = builder.Seal();
        var payload = block.Payload.ToArray();
        block.Return();
        var ex = Assert.Throws<RecordingFormatException>(() => new MarketEventDecoder(2).DecodeBlock(payload, new CapturingSink(), out _));
        Assert.That(ex!.Reason, Does.Contain("symbol id 5"));
    }

    [Test]
    public void FileHeader_EncodeDecode_SymbolTableAndSpecsKept()
    {
        var header = new RecordingFileHeader("bybit", HandMadeEvents.T0, HandMadeEvents.Instruments());
        var bytes = header.Encode();
        var (length, crc) = RecordingFileHeader.ReadFixedPart(bytes);
        var back = RecordingFileHeader.DecodeBody(bytes.AsSpan(RecordingFormat.FileHeaderFixedSize, length), crc);
        Assert.That(back.Venue, Is.EqualTo("bybit"));
        Assert.That(back.CreatedNs, Is.EqualTo(HandMadeEvents.T0));
        Assert.That(back.SymbolCapacity, Is.EqualTo(4));
        Assert.That(back.Instruments.Select(i => (i.SymbolId, i.Spec.Symbol, i.Spec.TickSize, i.Spec.QtyStep, i.Spec.MinQty, i.Spec.MinNotional)),
            Is.EqualTo(header.Instruments.Select(i => (i.SymbolId, i.Spec.Symbol, i.Spec.TickSize, i.Spec.QtyStep, i.Spec.MinQty, i.Spec.MinNotional))));
        Assert.That(back.Instruments[2].Spec.TickSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("0.0000001"));
    }

    private sealed class BlockSink(RecordingBlockBuilder builder) : IMarketEventSink
    {
        public void OnBook(BookUpdate update) => builder.Add(update);

        public void OnTrade(in TradeEvent trade) => builder.Add(trade);

        public void OnBbo(in BboEvent bbo) => builder.Add(bbo);

        public void OnTicker(in TickerEvent ticker) => builder.Add(ticker);
    }
}
