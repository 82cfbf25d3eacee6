using System.IO.Compression;
using System.Text;
using Smallfish.Core.MarketData;

namespace Smallfish.Core.Tests.Simulation.Backtesting;

/// <summary>A temporary folder with archive files written by the tests (gzip, zip, plain), and an event-recording sink.</summary>
internal sealed class ArchiveTestFiles : IDisposable
{
    public ArchiveTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "smallfish-archives-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Plain(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Gzip(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, GzipBytes(text));
        return path;
    }

    public string Zip(string name, string memberName, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, ZipBytes(memberName, text));
        return path;
    }

    public static byte[] GzipBytes(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    public static byte[] ZipBytes(string memberName, string text)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(memberName);
            using var s = entry.Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
        return ms.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Records every event it receives (book updates copied).</summary>
internal sealed class EventRecorder : IMarketEventSink
{
    public List<TradeEvent> Trades { get; } = [];

    public List<BboEvent> Bbos { get; } = [];

    public List<BookUpdate> Books { get; } = [];

    public void OnBook(BookUpdate update)
    {
        var copy = new BookUpdate();
        copy.CopyFrom(update);
        Books.Add(copy);
    }

    public void OnTrade(in TradeEvent trade) => Trades.Add(trade);

    public void OnBbo(in BboEvent bbo) => Bbos.Add(bbo);

    public void OnTicker(in TickerEvent ticker)
    {
    }
}
