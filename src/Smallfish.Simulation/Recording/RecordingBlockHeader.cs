using System.Buffers.Binary;
using System.Globalization;

namespace Smallfish.Simulation.Recording;

/// <summary>The 16-byte header in front of each block: magic "SFBK", payload length, record count, payload CRC-32C.</summary>
/// <param name="PayloadLength">Bytes of records that follow.</param>
/// <param name="RecordCount">Records in the payload.</param>
/// <param name="PayloadCrc">CRC-32C of the payload.</param>
public readonly record struct RecordingBlockHeader(int PayloadLength, int RecordCount, uint PayloadCrc)
{
    /// <summary>Writes the header into the first 16 bytes of <paramref name="dest"/>.</summary>
    public void WriteTo(Span<byte> dest)
    {
        RecordingFormat.BlockMagic.CopyTo(dest);
        BinaryPrimitives.WriteInt32LittleEndian(dest[4..], PayloadLength);
        BinaryPrimitives.WriteInt32LittleEndian(dest[8..], RecordCount);
        BinaryPrimitives.WriteUInt32LittleEndian(dest[12..], PayloadCrc);
    }

    /// <summary>Parses and sanity-checks a block header; <paramref name="offset"/> locates it for the error message.</summary>
    public static RecordingBlockHeader Read(ReadOnlySpan<byte> src, long offset)
    {
        if (!src[..4].SequenceEqual(RecordingFormat.BlockMagic)) throw new RecordingFormatException("block header expected (bad block magic)", offset);
        int length = BinaryPrimitives.ReadInt32LittleEndian(src[4..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(src[8..]);
        if (length < 0 || length > RecordingFormat.MaxBlockPayload)
        {
            throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"block payload length {length} out of range"), offset + 4);
        }
        if (count < 0 || count > length) throw new RecordingFormatException(string.Create(CultureInfo.InvariantCulture, $"block record count {count} out of range"), offset + 8);
        return new RecordingBlockHeader(length, count, BinaryPrimitives.ReadUInt32LittleEndian(src[12..]));
    }
}
