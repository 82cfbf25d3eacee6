using Smallfish.Remote.Handling;
using Smallfish.Remote.Telegram.Formatting;

namespace Smallfish.Remote.Telegram.Sending;

/// <summary>
/// Turns a <see cref="RemoteReply"/> into Telegram HTML messages: the title in bold, the body escaped (in a
/// <c>pre</c> block when preformatted), split on line boundaries to stay under the message limit, or a photo whose
/// caption is cut to the caption limit. Every piece of text is escaped; only our own tags are markup.
/// </summary>
public static class ReplyRenderer
{
    /// <summary>Room kept under Telegram's 4096-character limit for the title line.</summary>
    public const int BodyLimit = 3900;

    /// <summary>The messages that carry <paramref name="reply"/> to <paramref name="chatId"/>.</summary>
    public static IReadOnlyList<OutgoingMessage> Render(long chatId, RemoteReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var title = string.IsNullOrWhiteSpace(reply.Title) ? null : reply.Title.Trim();
        if (reply.Png is { } png)
        {
            var plain = MessageSplitter.Truncate(title is null ? reply.Text : title + "\n" + reply.Text, MessageSplitter.TelegramCaptionLimit);
            var html = title is not null && plain.StartsWith(title + "\n", StringComparison.Ordinal)
                ? TelegramHtml.Bold(title) + "\n" + TelegramHtml.Escape(plain[(title.Length + 1)..])
                : TelegramHtml.Escape(plain);
            return [new OutgoingMessage(chatId, html, plain) { Photo = png }];
        }

        if (title is null && string.IsNullOrEmpty(reply.Text)) return [];
        var messages = new List<OutgoingMessage>();
        var pieces = MessageSplitter.Split(reply.Text, BodyLimit);
        for (int i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var head = i == 0 && title is not null;
            var body = reply.Preformatted && piece.Length > 0 ? TelegramHtml.Pre(piece) : TelegramHtml.Escape(piece);
            var html = head ? TelegramHtml.Bold(title) + (piece.Length > 0 ? "\n" + body : "") : body;
            var plain = head ? title + (piece.Length > 0 ? "\n" + piece : "") : piece;
            if (plain.Length > 0) messages.Add(new OutgoingMessage(chatId, html, plain));
        }
        return messages;
    }
}
