namespace Smallfish.Remote.Telegram.Sending;

/// <summary>Queues outgoing Telegram messages; never blocks and never throws into the caller.</summary>
public interface ITelegramOutbox
{
    /// <summary>Queues <paramref name="message"/>; false when the queue is full (the message is dropped and logged).</summary>
    bool Enqueue(OutgoingMessage message);
}
