using Smallfish.Remote.Telegram.Api;
using Smallfish.Remote.Telegram.Requests;

namespace Smallfish.Remote.Telegram.Client;

/// <summary>
/// The Bot API methods Smallfish uses, shaped like Telegram.Bot's client (which is not on this registry): one method
/// per API call, requests as records, the API's own result types. Failures surface as
/// <see cref="TelegramApiException"/>, whose message never contains the bot token.
/// </summary>
public interface ITelegramClient
{
    /// <summary><c>getMe</c>: checks the token and returns the bot's own user.</summary>
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary><c>getUpdates</c>: long-polls for incoming updates.</summary>
    Task<Update[]> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>sendMessage</c>: sends a text message and returns it.</summary>
    Task<Message> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>sendPhoto</c>: uploads an image (multipart/form-data) and returns the sent message.</summary>
    Task<Message> SendPhotoAsync(SendPhotoRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>setMyCommands</c>: replaces the command menu shown by clients.</summary>
    Task<bool> SetMyCommandsAsync(SetMyCommandsRequest request, CancellationToken cancellationToken = default);
}
