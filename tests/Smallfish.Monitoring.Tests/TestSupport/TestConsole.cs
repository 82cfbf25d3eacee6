using Spectre.Console;

namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>A Spectre console of a fixed size writing plain text (no ANSI, no colours) into a string.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _writer = new();

    public TestConsole(int width, int height, bool unicode = true)
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = width;
        Console.Profile.Height = height;
        Console.Profile.Capabilities.Unicode = unicode;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString();

    /// <summary>The output's lines (trailing line feed removed).</summary>
    public string[] Lines => Output.TrimEnd('\n').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
