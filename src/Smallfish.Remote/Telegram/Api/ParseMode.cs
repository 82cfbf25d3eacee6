namespace Smallfish.Remote.Telegram.Api;

/// <summary>How Telegram parses the text of a message.</summary>
public enum ParseMode
{
    /// <summary>Plain text, no markup.</summary>
    None,

    /// <summary><c>HTML</c>: escape <c>&amp; &lt; &gt;</c> in text (see <see cref="Formatting.TelegramHtml"/>). Smallfish's choice.</summary>
    Html,

    /// <summary><c>MarkdownV2</c>: escape the 18 reserved characters (see <see cref="Formatting.TelegramMarkdownV2"/>).</summary>
    MarkdownV2,
}
