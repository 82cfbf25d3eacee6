namespace Smallfish.Remote.Handling;

/// <summary>
/// What a remote command answers: plain text (escaped by the transport, so a handler can never inject markup), an
/// optional bold title, optionally shown monospaced, or a PNG image with the text as its caption.
/// Must never contain secrets.
/// </summary>
public sealed record RemoteReply
{
    /// <summary>Optional bold first line.</summary>
    public string? Title { get; init; }

    /// <summary>Body, plain text (line breaks allowed).</summary>
    public string Text { get; init; } = "";

    /// <summary>Show <see cref="Text"/> monospaced (tables, aligned numbers).</summary>
    public bool Preformatted { get; init; }

    /// <summary>PNG bytes to send as a photo; <see cref="Title"/> and <see cref="Text"/> become the caption.</summary>
    public ReadOnlyMemory<byte>? Png { get; init; }

    /// <summary>A plain text reply.</summary>
    public static RemoteReply Plain(string text, string? title = null) => new() { Title = title, Text = text };

    /// <summary>A monospaced reply under a bold title.</summary>
    public static RemoteReply Table(string title, string text) => new() { Title = title, Text = text, Preformatted = true };

    /// <summary>A photo with a caption.</summary>
    public static RemoteReply Photo(ReadOnlyMemory<byte> png, string caption) => new() { Png = png, Text = caption };
}
