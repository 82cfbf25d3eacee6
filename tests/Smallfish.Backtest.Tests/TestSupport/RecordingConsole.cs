using Spectre.Console;

namespace Smallfish.Backtest.Tests.TestSupport;

/// <summary>A Spectre console writing to a string at a fixed width (Spectre.Console.Testing is not on the mirror).</summary>
internal sealed class RecordingConsole
{
    private readonly StringWriter _writer = new();

    public RecordingConsole(int width = 80, ColorSystemSupport colors = ColorSystemSupport.NoColors)
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_writer),
            ColorSystem = colors,
            Ansi = colors == ColorSystemSupport.NoColors ? AnsiSupport.No : AnsiSupport.Yes,
            Interactive = InteractionSupport.No,
        });
        Console.Profile.Width = width;
    }

    public IAnsiConsole Console { get; }

    public string Text => _writer.ToString();

    public string[] Lines => Text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
}
