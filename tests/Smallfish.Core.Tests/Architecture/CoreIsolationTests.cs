using System.Reflection;
using System.Text.RegularExpressions;
using Smallfish.Core.Tests.TestSupport;

namespace Smallfish.Core.Tests.Architecture;

/// <summary>
/// Keeps the deterministic core honest: it references nothing that does I/O, and decision code reads time only from
/// the TimeProvider it is given.
/// </summary>
public class CoreIsolationTests
{
    private static readonly string[] ForbiddenAssemblyPrefixes =
    [
        "System.Net", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "SQLitePCL", "Serilog", "System.IO.FileSystem",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Http", "Polly", "Spectre", "System.CommandLine",
        "Smallfish.Simulation", "Smallfish.Exchanges", "Smallfish.Hosting", "Smallfish.Wire",
    ];

    [Test]
    public void CoreAssembly_References_NoIoAssemblies()
    {
        var refs = typeof(Smallfish.Core.Domain.Side).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        var bad = refs.Where(r => ForbiddenAssemblyPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.That(bad, Is.Empty, "Smallfish.Core must not reference I/O assemblies: " + string.Join(", ", bad));
    }

    [Test]
    public void WireAssembly_References_OnlyCore()
    {
        var asm = Assembly.Load("Smallfish.Wire");
        var refs = asm.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        var bad = refs.Where(r => ForbiddenAssemblyPrefixes.Where(p => p != "Smallfish.Wire").Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.That(bad, Is.Empty, "Smallfish.Wire must stay pure: " + string.Join(", ", bad));
    }

    // Wall-clock and ambient randomness APIs that must not appear in decision code.
    private static readonly Regex Banned = new(
        @"\bDateTime(Offset)?\.(Utc)?Now\b|\bStopwatch\b|\bEnvironment\.TickCount|\bnew\s+Random\s*\(\s*\)|\bRandom\.Shared\b|\bThread\.Sleep\b|\bTask\.Delay\b|\bTask\.Run\b|\bFile\.|\bDirectory\.",
        RegexOptions.Compiled);

    [TestCase("src/Smallfish.Core")]
    [TestCase("src/Smallfish.Wire")]
    public void DecisionCode_DoesNotRead_WallClockOrAmbientState(string folder)
    {
        var root = Path.Combine(RepoPaths.RepoRoot, folder);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("///", StringComparison.Ordinal)) continue;
                if (Banned.IsMatch(line)) offenders.Add($"{Path.GetRelativePath(RepoPaths.RepoRoot, file)}:{i + 1}: {line}");
            }
        }
        Assert.That(offenders, Is.Empty, "wall-clock/ambient API in decision code:\n" + string.Join("\n", offenders));
    }
}
