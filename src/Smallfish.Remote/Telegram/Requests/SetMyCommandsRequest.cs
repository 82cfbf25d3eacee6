using Smallfish.Remote.Telegram.Api;

namespace Smallfish.Remote.Telegram.Requests;

/// <summary>A <c>setMyCommands</c> request (the client's command menu; it does not restrict what users can type).</summary>
/// <param name="Commands">At most 100 commands.</param>
public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands);
