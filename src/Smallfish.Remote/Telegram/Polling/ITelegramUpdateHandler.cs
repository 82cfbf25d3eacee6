using Smallfish.Remote.Telegram.Api;

namespace Smallfish.Remote.Telegram.Polling;

/// <summary>Receives updates from the <see cref="TelegramUpdatePoller"/>, one at a time, in update-id order.</summary>
public interface ITelegramUpdateHandler
{
    /// <summary>Handles one update. An exception is logged and the update is still confirmed (no poison loops).</summary>
    Task HandleUpdateAsync(Update update, CancellationToken cancellationToken);
}
