using Smallfish.Remote.Telegram.Api;

namespace Smallfish.Remote.Telegram.Commands;

/// <summary>The command names, their descriptions (for <c>/help</c> and <c>setMyCommands</c>) and name lookup.</summary>
public static class RemoteCommandCatalog
{
    /// <summary>Every command in menu order: command, name (lowercase, no slash), description.</summary>
    public static IReadOnlyList<(RemoteCommand Command, string Name, string Description)> Entries { get; } =
    [
        (RemoteCommand.Status, "status", "Equity, positions, PnL, drawdown, vol regime"),
        (RemoteCommand.Trades, "trades", "Recent trade history with PnL bars (/trades 20)"),
        (RemoteCommand.Equity, "equity", "Equity curve chart"),
        (RemoteCommand.Grid, "grid", "Multigrid status and active levels"),
        (RemoteCommand.Kill, "kill", "Trigger the kill switch (asks for confirmation)"),
        (RemoteCommand.Resume, "resume", "Reset the kill switch and resume trading (asks for confirmation)"),
        (RemoteCommand.Config, "config", "Current profile and risk parameters"),
        (RemoteCommand.Help, "help", "List the commands"),
    ];

    /// <summary>The menu for <c>setMyCommands</c>.</summary>
    public static IReadOnlyList<BotCommand> BotCommands { get; } = BuildMenu();

    /// <summary>The command a lowercase name stands for (<c>start</c> is Telegram's first-contact command: help).</summary>
    public static RemoteCommand Lookup(string name)
    {
        if (name == "start") return RemoteCommand.Help;
        foreach (var entry in Entries)
        {
            if (entry.Name == name) return entry.Command;
        }
        return RemoteCommand.Unknown;
    }

    /// <summary>The name of <paramref name="command"/>.</summary>
    public static string NameOf(RemoteCommand command)
    {
        foreach (var entry in Entries)
        {
            if (entry.Command == command) return entry.Name;
        }
        return "unknown";
    }

    private static BotCommand[] BuildMenu()
    {
        var menu = new BotCommand[Entries.Count];
        for (int i = 0; i < menu.Length; i++) menu[i] = new BotCommand(Entries[i].Name, Entries[i].Description);
        return menu;
    }
}
