using System.Text;
using Smallfish.Remote.Charts;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Charts;

public class PngTests
{
    [Test]
    public void Crc32_CheckString_MatchesStandardValue()
    {
        Assert.That(Crc32.Compute("123456789"u8), Is.EqualTo(0xCBF43926u));
        Assert.That(Crc32.Compute("IEND"u8), Is.EqualTo(0xAE426082u), "the CRC every PNG ends with");
    }

    [Test]
    public void Crc32_RandomData_AgreesWithBitwiseReference()
    {
        var data = new byte[4099];
        new Random(3).NextBytes(data);

        Assert.That(Crc32.Compute(data), Is.EqualTo(PngVerifier.BitwiseCrc32(data)));
        Assert.That(Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Start, data.AsSpan(0, 1000)), data.AsSpan(1000))), Is.EqualTo(Crc32.Compute(data)));
    }

    [TestCase(1, 1)]
    [TestCase(7, 3)]
    [TestCase(64, 48)]
    public void EncodeRgb_RandomPixels_DecodeToTheSamePixels(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        new Random(width * 31 + height).NextBytes(rgb);

        var png = PngEncoder.EncodeRgb(width, height, rgb);
        var decoded = PngVerifier.Decode(png);

        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((width, height)));
        Assert.That(decoded.Rgb, Is.EqualTo(rgb));
        Assert.That(decoded.FilterBytes, Is.All.EqualTo(0));
        Assert.That(decoded.ChunkTypes[0], Is.EqualTo("IHDR"));
        Assert.That(decoded.ChunkTypes[^1], Is.EqualTo("IEND"));
    }

    [Test]
    public void EncodeRgb_LargeNoise_SplitsIdatOverSeveralChunks()
    {
        var rgb = new byte[300 * 300 * 3];
        new Random(5).NextBytes(rgb);

        var decoded = PngVerifier.Decode(PngEncoder.EncodeRgb(300, 300, rgb));

        Assert.That(decoded.ChunkTypes.Count(t => t == "IDAT"), Is.GreaterThan(1));
        Assert.That(decoded.Rgb, Is.EqualTo(rgb));
    }

    [Test]
    public void Verifier_CorruptedChunk_IsRejected()
    {
        var png = PngEncoder.EncodeRgb(4, 4, new byte[48]);
        png[20] ^= 0x01; // inside IHDR data

        Assert.Throws<InvalidDataException>(() => PngVerifier.Decode(png));
    }

    [Test]
    public void EncodeRgb_WrongBufferSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb(2, 2, new byte[11]));
    }

    [Test]
    public void Canvas_DrawText_DigitsLeaveTheirGlyphPattern()
    {
        var canvas = new RgbCanvas(20, 10, RgbColor.White);

        canvas.DrawText(1, 1, "1", RgbColor.DarkGray);

        // The "1" glyph: row 0 is 00100, row 6 is 01110.
        Assert.That(canvas.GetPixel(1 + 2, 1), Is.EqualTo(RgbColor.DarkGray));
        Assert.That(canvas.GetPixel(1 + 0, 1), Is.EqualTo(RgbColor.White));
        Assert.That(canvas.GetPixel(1 + 1, 7), Is.EqualTo(RgbColor.DarkGray));
        Assert.That(canvas.GetPixel(1 + 4, 7), Is.EqualTo(RgbColor.White));
        Assert.That(Encoding.ASCII.GetString(canvas.ToPng(), 1, 3), Is.EqualTo("PNG"));
    }
}
