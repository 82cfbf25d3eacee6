namespace Smallfish.Remote.Telegram.Commands;

/// <summary>A slash command read from a message.</summary>
/// <param name="Command">The recognised command, or <see cref="RemoteCommand.Unknown"/>.</param>
/// <param name="Name">The command name as typed, lowercased, without slash and @suffix.</param>
/// <param name="TargetBot">The <c>@botname</c> suffix without @, when present.</param>
/// <param name="Arguments">Whitespace-separated words after the command.</param>
public sealed record ParsedCommand(RemoteCommand Command, string Name, string? TargetBot, IReadOnlyList<string> Arguments);
