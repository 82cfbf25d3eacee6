using System.Diagnostics;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// The benchmark hook for <c>smallfish-backtest bench</c>: decode throughput of the recording format from memory (the
/// binary event cache path) and the bytes allocated per event. Prints nothing; the caller reports the figures.
/// </summary>
public static class RecordingBenchmark
{
    /// <summary>Measures decoding of the recording file at <paramref name="path"/> (loaded into memory first).</summary>
    public static RecordingBenchmarkResult MeasureDecode(string path, long minEvents = 5_000_000) => MeasureDecode(File.ReadAllBytes(path), minEvents);

    /// <summary>
    /// Decodes the blocks of <paramref name="recording"/> (a whole recording: header and blocks) repeatedly until at least
    /// <paramref name="minEvents"/> events were decoded, after a warm-up, into a sink that only sums prices.
    /// Block checksums are verified once, outside the measurement.
    /// </summary>
    public static RecordingBenchmarkResult MeasureDecode(byte[] recording, long minEvents = 5_000_000)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var (header, blocks) = Split(recording);
        var decoder = new MarketEventDecoder(header.SymbolCapacity);
        var sink = new ChecksumSink();
        long eventsPerPass = 0, payloadBytes = 0;
        foreach (var (start, length) in blocks)
        {
            eventsPerPass += decoder.DecodeBlock(recording.AsSpan(start, length), sink, out _);
            payloadBytes += length;
        }
        if (eventsPerPass == 0) throw new ArgumentException("the recording holds no events", nameof(recording));

        long warmup = Math.Max(minEvents / 5, 100_000);
        for (long n = 0; n < warmup;) n += Pass(recording, blocks, decoder, sink);

        sink.Checksum = 0;
        long events = 0;
        int passes = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        while (events < minEvents)
        {
            events += Pass(recording, blocks, decoder, sink);
            passes++;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new RecordingBenchmarkResult(events, passes, eventsPerPass, payloadBytes, elapsed, events / elapsed.TotalSeconds,
            cpu, events / Math.Max(cpu.TotalSeconds, 1e-9), (double)allocated / events, (double)payloadBytes / eventsPerPass, sink.Checksum);
    }

    private static long Pass(byte[] recording, List<(int Start, int Length)> blocks, MarketEventDecoder decoder, ChecksumSink sink)
    {
        long events = 0;
        foreach (var (start, length) in blocks) events += decoder.DecodeBlock(recording.AsSpan(start, length), sink, out _);
        return events;
    }

    private static (RecordingFileHeader Header, List<(int Start, int Length)> Blocks) Split(byte[] recording)
    {
        var (bodyLength, crc) = RecordingFileHeader.ReadFixedPart(recording);
        int offset = RecordingFormat.FileHeaderFixedSize;
        if (recording.Length - offset < bodyLength) throw new RecordingFormatException("recording ends inside the header", recording.Length);
        var header = RecordingFileHeader.DecodeBody(recording.AsSpan(offset, bodyLength), crc);
        offset += bodyLength;
        var blocks = new List<(int, int)>();
        while (offset < recording.Length)
        {
            if (recording.Length - offset < RecordingFormat.BlockHeaderSize) throw new RecordingFormatException("recording ends inside a block header", offset);
            var bh = RecordingBlockHeader.Read(recording.AsSpan(offset), offset);
            int payload = offset + RecordingFormat.BlockHeaderSize;
            if (recording.Length - payload < bh.PayloadLength) throw new RecordingFormatException("truncated block", recording.Length);
            if (Crc32C.Compute(recording.AsSpan(payload, bh.PayloadLength)) != bh.PayloadCrc) throw new RecordingFormatException("block checksum mismatch", offset);
            blocks.Add((payload, bh.PayloadLength));
            offset = payload + bh.PayloadLength;
        }
        return (header, blocks);
    }

    /// <summary>Touches what a consumer would read, so the decode cannot be skipped.</summary>
    private sealed class ChecksumSink : IMarketEventSink
    {
        public long Checksum;

        public void OnBook(BookUpdate update)
        {
            var prices = update.Bids.Prices;
            var qty = update.Bids.Quantities;
            for (int i = 0; i < prices.Length; i++) Checksum += prices[i] ^ qty[i];
            prices = update.Asks.Prices;
            qty = update.Asks.Quantities;
            for (int i = 0; i < prices.Length; i++) Checksum += prices[i] ^ qty[i];
            Checksum += update.LastUpdateId;
        }

        public void OnTrade(in TradeEvent trade) => Checksum += trade.PriceTicks + trade.QtyLots;

        public void OnBbo(in BboEvent bbo) => Checksum += bbo.BidTicks + bbo.AskTicks;

        public void OnTicker(in TickerEvent ticker) => Checksum += ticker.NextFundingTimeNs;
    }
}
