using System.Buffers;

namespace Smallfish.Simulation.Recording;

/// <summary>
/// A sealed block: <see cref="RecordingFormat.BlockHeaderSize"/> header bytes then the payload, in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>. Whoever ends up with it calls <see cref="Return"/> once.
/// </summary>
/// <param name="Buffer">Pooled buffer; the first <paramref name="Length"/> bytes are the block.</param>
/// <param name="Length">Header plus payload bytes.</param>
/// <param name="RecordCount">Records in the block.</param>
/// <param name="EventCount">Market events in the block (records minus gap markers).</param>
public readonly record struct RecordingBlock(byte[] Buffer, int Length, int RecordCount, int EventCount)
{
    /// <summary>The block bytes (header and payload).</summary>
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

    /// <summary>The payload (records only).</summary>
    public ReadOnlySpan<byte> Payload => Buffer.AsSpan(RecordingFormat.BlockHeaderSize, Length - RecordingFormat.BlockHeaderSize);

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
