using Spectre.Console;

namespace Smallfish.Backtest.Commands;

/// <summary>Spectre consoles over the command's output writer: colors and live widgets on a terminal, plain text otherwise.</summary>
public static class Consoles
{
    /// <summary>A console writing to <paramref name="output"/>.</summary>
    public static IAnsiConsole Create(TextWriter output, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = 100;
        return console;
    }
}
