using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Smallfish.Core.Instruments;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// The header of a recording file: when it was created, which venue, and the symbol table with each instrument's grid
/// (so ticks and lots can be turned back into prices and quantities without any other file).
/// </summary>
public sealed class RecordingFileHeader
{
    /// <summary>Creates a header; symbol ids must be distinct and non-negative.</summary>
    public RecordingFileHeader(string venue, long createdNs, IReadOnlyList<RecordedInstrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(instruments);
        var seen = new HashSet<int>();
        foreach (var i in instruments)
        {
            if (i.SymbolId < 0 || i.SymbolId > 65_535) throw new ArgumentOutOfRangeException(nameof(instruments), i.SymbolId, "symbol ids must be in [0, 65535]");
            if (!seen.Add(i.SymbolId)) throw new ArgumentException($"symbol id {i.SymbolId} appears twice", nameof(instruments));
        }
        Venue = venue;
        CreatedNs = createdNs;
        Instruments = instruments;
        SymbolCapacity = instruments.Count == 0 ? 0 : instruments.Max(i => i.SymbolId) + 1;
    }

    /// <summary>Venue name, e.g. "bybit" or "binance".</summary>
    public string Venue { get; }

    /// <summary>When the file was created, ns since the Unix epoch.</summary>
    public long CreatedNs { get; }

    /// <summary>The symbol table.</summary>
    public IReadOnlyList<RecordedInstrument> Instruments { get; }

    /// <summary>One more than the highest symbol id (the size of per-symbol decoder state).</summary>
    public int SymbolCapacity { get; }

    /// <summary>True when <paramref name="symbolId"/> is in the symbol table.</summary>
    public bool Contains(int symbolId)
    {
        foreach (var i in Instruments) if (i.SymbolId == symbolId) return true;
        return false;
    }

    /// <summary>The complete header bytes: magic, version, flags, body length, body CRC-32C, body.</summary>
    public byte[] Encode()
    {
        var body = new ArrayBufferWriter<byte>(256);
        void V(ulong v) => body.Advance(Varint.Write(body.GetSpan(Varint.MaxBytes), 0, v));
        void S(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            V((ulong)bytes.Length);
            body.Write(bytes);
        }
        V(Varint.ZigZag(CreatedNs));
        S(Venue);
        V((ulong)Instruments.Count);
        foreach (var i in Instruments)
        {
            V((ulong)i.SymbolId);
            S(i.Spec.Symbol);
            S(i.Spec.TickSize.ToString(CultureInfo.InvariantCulture));
            S(i.Spec.QtyStep.ToString(CultureInfo.InvariantCulture));
            S(i.Spec.MinQty.ToString(CultureInfo.InvariantCulture));
            S(i.Spec.MinNotional.ToString(CultureInfo.InvariantCulture));
        }
        var bodyBytes = body.WrittenSpan.ToArray();
        var result = new byte[RecordingFormat.FileHeaderFixedSize + bodyBytes.Length];
        RecordingFormat.FileMagic.CopyTo(result);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(8), RecordingFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(10), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(12), (uint)bodyBytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(16), Crc32C.Compute(bodyBytes));
        bodyBytes.CopyTo(result.AsSpan(RecordingFormat.FileHeaderFixedSize));
        return result;
    }

    /// <summary>
    /// Validates the fixed part of a header (the first <see cref="RecordingFormat.FileHeaderFixedSize"/> bytes) and
    /// returns the body length and CRC. Throws <see cref="RecordingFormatException"/> for a wrong magic or version.
    /// </summary>
    public static (int BodyLength, uint BodyCrc) ReadFixedPart(ReadOnlySpan<byte> fixedPart)
    {
        if (fixedPart.Length < RecordingFormat.FileHeaderFixedSize) throw new RecordingFormatException("file shorter than the header", fixedPart.Length);
        if (!fixedPart[..8].SequenceEqual(RecordingFormat.FileMagic)) throw new RecordingFormatException("not a Smallfish recording (bad magic)", 0);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
        if (version < RecordingFormat.MinReadableVersion || version > RecordingFormat.Version)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture,
                $"format version {version} is not supported (this build reads {RecordingFormat.MinReadableVersion} to {RecordingFormat.Version})"), 8);
        }
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[12..]);
        if (length > RecordingFormat.MaxHeaderBody) throw new RecordingFormatException("header body length out of range", 12);
        return ((int)length, BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[16..]));
    }

    /// <summary>Decodes a header body (after the fixed part); offsets in errors are relative to the file start.</summary>
    public static RecordingFileHeader DecodeBody(ReadOnlySpan<byte> body, uint expectedCrc)
    {
        const int baseOffset = RecordingFormat.FileHeaderFixedSize;
        if (Crc32C.Compute(body) != expectedCrc) throw new RecordingFormatException("header checksum mismatch", baseOffset);
        int p = 0;
        try
        {
            long created = Varint.ReadSigned(body, ref p);
            string venue = ReadString(body, ref p);
            ulong count = Varint.Read(body, ref p);
            if (count > 65_536) throw new RecordingFormatException("symbol count out of range", baseOffset + p);
            var instruments = new List<RecordedInstrument>((int)count);
            for (ulong k = 0; k < count; k++)
            {
                int id = checked((int)Varint.Read(body, ref p));
                string symbol = ReadString(body, ref p);
                decimal tick = ReadDecimal(body, ref p), step = ReadDecimal(body, ref p), minQty = ReadDecimal(body, ref p), minNotional = ReadDecimal(body, ref p);
                instruments.Add(new RecordedInstrument(id, new InstrumentSpec(symbol, tick, step, minQty, minNotional)));
            }
            return new RecordingFileHeader(venue, created, instruments);
        }
        catch (RecordingFormatException ex)
        {
            throw new RecordingFormatException("header: " + ex.Reason, baseOffset + ex.Offset);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new RecordingFormatException("header: " + ex.Message, baseOffset + p);
        }
    }

    private static string ReadString(ReadOnlySpan<byte> body, ref int p)
    {
        ulong len = Varint.Read(body, ref p);
        if (len > (ulong)(body.Length - p)) throw new RecordingFormatException("string runs past the header end", p);
        var s = Encoding.UTF8.GetString(body.Slice(p, (int)len));
        p += (int)len;
        return s;
    }

    private static decimal ReadDecimal(ReadOnlySpan<byte> body, ref int p) =>
        decimal.Parse(ReadString(body, ref p), NumberStyles.Number, CultureInfo.InvariantCulture);
}
