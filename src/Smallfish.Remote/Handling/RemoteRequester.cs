namespace Smallfish.Remote.Handling;

/// <summary>Who sent a remote command (for the audit trail of <c>/kill</c> and <c>/resume</c>).</summary>
/// <param name="Channel">Where it came from, e.g. <c>telegram</c>.</param>
/// <param name="ChatId">Telegram chat id.</param>
/// <param name="UserId">Telegram user id (0 when unknown).</param>
/// <param name="Username">Telegram username, when set.</param>
public sealed record RemoteRequester(string Channel, long ChatId, long UserId, string? Username);
