using System.Text.RegularExpressions;
using Smallfish.Core.Tests.TestSupport;

namespace Smallfish.Core.Tests.Simulation.Venue;

/// <summary>The venue model is pure and synchronous: no wall clock, no unseeded randomness, no threads, no I/O.</summary>
public class VenueIsolationTests
{
    private static readonly Regex Banned = new(
        @"\bDateTime(Offset)?\.(Utc)?Now\b|\bStopwatch\b|\bEnvironment\.TickCount|\bnew\s+Random\s*\(|\bRandom\.Shared\b|\bThread\b|\bTask\b|\basync\b|\bawait\b|\block\s*\(|\bFile\.|\bDirectory\.|\bStream\b|\bSocket\b|\bHttpClient\b",
        RegexOptions.Compiled);

    [Test]
    public void VenueSources_UseNo_WallClockRandomnessThreadsOrIo()
    {
        var root = Path.Combine(RepoPaths.RepoRoot, "src", "Smallfish.Simulation", "Venue");
        var offenders = new List<string>();
        int files = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            files++;
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal)) continue;
                if (Banned.IsMatch(line)) offenders.Add($"{Path.GetFileName(file)}:{i + 1}: {line}");
            }
        }
        Assert.That(files, Is.GreaterThan(10));
        Assert.That(offenders, Is.Empty, string.Join("\n", offenders));
    }
}
