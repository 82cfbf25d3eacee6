namespace Smallfish.Exchanges.Streams;

/// <summary>One queue entry. Frame buffers are rented from the shared array pool and returned by the consumer.</summary>
internal readonly struct FrameItem
{
    public FrameItem(FrameItemKind kind, int connectionId, byte[]? buffer = null, int length = 0, long localTsNs = 0, bool gapBefore = false, object? payload = null)
    {
        Kind = kind;
        ConnectionId = connectionId;
        Buffer = buffer;
        Length = length;
        LocalTsNs = localTsNs;
        GapBefore = gapBefore;
        Payload = payload;
    }

    public FrameItemKind Kind { get; }

    public int ConnectionId { get; }

    public byte[]? Buffer { get; }

    public int Length { get; }

    /// <summary>Local receive time, ns since the Unix epoch, taken when the message's last fragment arrived.</summary>
    public long LocalTsNs { get; }

    /// <summary>Frames were dropped right before this one (public overflow): consumers must resync first.</summary>
    public bool GapBefore { get; }

    public object? Payload { get; }

    public ReadOnlySpan<byte> Span => Buffer is null ? default : Buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => Buffer is null ? default : Buffer.AsMemory(0, Length);
}
