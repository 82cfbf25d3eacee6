namespace Smallfish.Backtest;

/// <summary>Entry point of smallfish-backtest.</summary>
public static class Program
{
    /// <summary>Runs the CLI.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("smallfish-backtest: not wired yet");
        return args.Length == 0 ? 0 : 0;
    }
}
