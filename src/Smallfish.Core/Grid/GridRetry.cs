namespace Smallfish.Core.Grid;

/// <summary>A level key whose post-only order was refused: how far to move it away and the id parts to re-price with.</summary>
internal sealed class GridRetry
{
    public int OffsetTicks { get; set; }

    public long Sequence { get; set; }

    public int Attempt { get; set; }

    /// <summary>True while the next placement should reuse <see cref="Sequence"/> with the next attempt.</summary>
    public bool Pending { get; set; }
}
