namespace Smallfish.Service;

/// <summary>Entry point of the smallfish service.</summary>
public static class Program
{
    /// <summary>Runs the service.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("smallfish: service host not wired yet");
        return args.Length == 0 ? 0 : 0;
    }
}
