using Smallfish.Core.Time;
using Smallfish.Integration.Tests.TestSupport;
using Smallfish.Simulation.Recording;

namespace Smallfish.Integration.Tests.Recording;

/// <summary>Truncated and corrupt recordings fail with the file and the byte offset, after delivering what was good.</summary>
public class RecordingReaderErrorTests
{
    private TempDirectory _dir = null!;
    private byte[] _good = null!;
    private List<(long Offset, int PayloadLength)> _blocks = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory();
        var options = new MarketRecorderOptions
        {
            Directory = _dir.Path,
            FilePrefix = "good",
            Instruments = HandMadeEvents.Instruments(),
            BlockBytes = 1024,
            TimeProvider = new SimulatedClock(HandMadeEvents.T0),
        };
        await using (var recorder = new MarketRecorder(options)) HandMadeEvents.Create(repeat: 20).ReplayInto(recorder);
        _good = File.ReadAllBytes(RecordingFiles.List(_dir.Path, "good").Single());
        _blocks = BlockLayout(_good);
        Assert.That(_blocks, Has.Count.GreaterThan(2));
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Open_CutInsideHeader_ErrorWithFileAndOffset()
    {
        var path = Write("cut-header.sfrec", _good.AsSpan(0, 30).ToArray());
        var ex = Assert.Throws<RecordingFormatException>(() => RecordingReader.Open(path));
        Assert.That(ex!.FilePath, Is.EqualTo(path));
        Assert.That(ex.Offset, Is.EqualTo(30));
        Assert.That(ex.Message, Does.Contain(path).And.Contain("30"));
    }

    [Test]
    public void ReplayTo_CutInsideLastBlockPayload_EarlierBlocksDeliveredThenErrorAtCut()
    {
        var last = _blocks[^1];
        int cut = (int)last.Offset + RecordingFormat.BlockHeaderSize + last.PayloadLength / 2;
        var path = Write("cut-payload.sfrec", _good.AsSpan(0, cut).ToArray());
        var capture = new CapturingSink();
        using var reader = RecordingReader.Open(path);
        var ex = Assert.Throws<RecordingFormatException>(() => reader.ReplayTo(capture));
        Assert.That(ex!.FilePath, Is.EqualTo(path));
        Assert.That(ex.Offset, Is.EqualTo(cut), "the offset is where the file ends");
        Assert.That(ex.Reason, Does.Contain("truncated block"));
        Assert.That(capture.Events, Is.Not.Empty, "blocks before the damage were delivered");
        Assert.That(capture.Events, Is.EqualTo(HandMadeEvents.Create(repeat: 20).Texts().Take(capture.Events.Count)));
    }

    [Test]
    public void ReplayTo_CutInsideBlockHeader_ErrorAtBlockStart()
    {
        var second = _blocks[1];
        var path = Write("cut-block-header.sfrec", _good.AsSpan(0, (int)second.Offset + 7).ToArray());
        using var reader = RecordingReader.Open(path);
        var ex = Assert.Throws<RecordingFormatException>(() => reader.ReplayTo(new CapturingSink()));
        Assert.That(ex!.Offset, Is.EqualTo(second.Offset));
    }

    [Test]
    public void ReplayTo_FlippedPayloadByte_ChecksumErrorAtThatBlock()
    {
        var bad = (byte[])_good.Clone();
        var second = _blocks[1];
        bad[second.Offset + RecordingFormat.BlockHeaderSize + 10] ^= 0x40;
        var path = Write("flipped.sfrec", bad);
        using var reader = RecordingReader.Open(path);
        var ex = Assert.Throws<RecordingFormatException>(() => reader.ReplayTo(new CapturingSink()));
        Assert.That(ex!.Offset, Is.EqualTo(second.Offset));
        Assert.That(ex.Reason, Does.Contain("checksum"));
    }

    [Test]
    public void Open_NotARecording_BadMagic()
    {
        var path = Write("text.sfrec", "{\"topic\":\"not a recording\"}"u8.ToArray());
        var ex = Assert.Throws<RecordingFormatException>(() => RecordingReader.Open(path));
        Assert.That(ex!.Reason, Does.Contain("magic"));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.GetFullPath(_dir.File(name));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<(long, int)> BlockLayout(byte[] file)
    {
        var (bodyLength, _) = RecordingFileHeader.ReadFixedPart(file);
        long offset = RecordingFormat.FileHeaderFixedSize + bodyLength;
        var blocks = new List<(long, int)>();
        while (offset < file.Length)
        {
            var h = RecordingBlockHeader.Read(file.AsSpan((int)offset), offset);
            blocks.Add((offset, h.PayloadLength));
            offset += RecordingFormat.BlockHeaderSize + h.PayloadLength;
        }
        return blocks;
    }
}
