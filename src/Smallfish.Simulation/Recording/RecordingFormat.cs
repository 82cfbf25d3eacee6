namespace Smallfish.Simulation.Recording;

/// <summary>Constants of the Smallfish market-data recording format (see docs/recording-format.md).</summary>
public static class RecordingFormat
{
    /// <summary>Format version written by this build (2: book records may carry the matching-engine time).</summary>
    public const ushort Version = 2;

    /// <summary>Oldest format version this build still reads (version 1 files are version 2 without book bit 5).</summary>
    public const ushort MinReadableVersion = 1;

    /// <summary>Size of the fixed part of the file header: magic, version, flags, body length, body CRC.</summary>
    public const int FileHeaderFixedSize = 20;

    /// <summary>Size of a block header: magic, payload length, record count, payload CRC.</summary>
    public const int BlockHeaderSize = 16;

    /// <summary>Largest block payload a reader accepts (a sanity bound against corrupt lengths).</summary>
    public const int MaxBlockPayload = 64 * 1024 * 1024;

    /// <summary>Largest file header body a reader accepts.</summary>
    public const int MaxHeaderBody = 16 * 1024 * 1024;

    /// <summary>The 8 magic bytes that start every file: "SFREC", CR, LF, 0x1A (catches text-mode mangling).</summary>
    public static ReadOnlySpan<byte> FileMagic => "SFREC\r\n\u001A"u8;

    /// <summary>The 4 magic bytes that start every block: "SFBK".</summary>
    public static ReadOnlySpan<byte> BlockMagic => "SFBK"u8;

    /// <summary>Conventional file extension.</summary>
    public const string FileExtension = ".sfrec";
}
