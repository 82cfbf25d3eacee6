using Smallfish.Simulation.Recording;

namespace Smallfish.Fuzz.Tests.Recording;

/// <summary>The recording format's varints: every length, at every distance from the end of the buffer.</summary>
public sealed class VarintTests
{
    [Test]
    public void Read_ValuesOfEveryLengthAnywhereInTheBuffer_RoundTrip()
    {
        var rng = new Random(42);
        for (int round = 0; round < 20_000; round++)
        {
            int bits = rng.Next(0, 65);
            ulong value = bits == 0 ? 0 : (ulong)rng.NextInt64() << 1 ^ (ulong)rng.Next(2);
            if (bits < 64) value &= (1UL << bits) - 1;
            long signed = (long)value;
            byte[] buffer = new byte[rng.Next(0, 12) + 24];
            rng.NextBytes(buffer);
            int start = rng.Next(0, buffer.Length - 21);
            int end = Varint.Write(buffer, start, value);
            end = Varint.WriteSigned(buffer, end, signed);
            var span = buffer.AsSpan(0, rng.Next(2) == 0 ? end : buffer.Length); // sometimes the value ends the span
            int pos = start;
            Assert.That(Varint.Read(span, ref pos), Is.EqualTo(value));
            Assert.That(Varint.ReadSigned(span, ref pos), Is.EqualTo(signed));
            Assert.That(pos, Is.EqualTo(end));
        }
    }

    [Test]
    public void Read_TruncatedOrOverlongValue_ThrowsFormatError()
    {
        byte[] cut = [0x80, 0x80, 0x80];
        int pos = 0;
        Assert.Throws<RecordingFormatException>(() => Varint.Read(cut, ref pos));
        byte[] overlong = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];
        pos = 0;
        Assert.Throws<RecordingFormatException>(() => Varint.Read(overlong, ref pos));
    }
}
