using System.Text;
using System.Text.Json;
using Smallfish.Simulation.Replay;

namespace Smallfish.Core.Tests.TestSupport;

/// <summary>Locates the shared folder (real data, protocol fixtures) by walking up from the test assembly directory.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> RealDir = new(() =>
        RealDataLocator.Find(TestContext.CurrentContext.TestDirectory)
        ?? throw new InvalidOperationException(
            $"no {RealDataLocator.RelativePath} above {TestContext.CurrentContext.TestDirectory}: the shared folder must sit beside the repository"));

    /// <summary>shared/data/real.</summary>
    public static string Real => RealDir.Value;

    /// <summary>A file under shared/data/real.</summary>
    public static string RealFile(params string[] parts) => Path.Combine([Real, .. parts]);

    /// <summary>shared/protocols/fixtures.</summary>
    public static string Fixtures => Path.GetFullPath(Path.Combine(Real, "..", "..", "protocols", "fixtures"));

    /// <summary>The <c>message</c> of a fixture file as compact UTF-8 JSON.</summary>
    public static byte[] FixtureMessage(string relativePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixtures, relativePath)));
        return Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("message").GetRawText());
    }

    /// <summary>A fixture's whole <c>message</c> element (for scenario fixtures with several parts).</summary>
    public static JsonDocument Fixture(string relativePath) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixtures, relativePath)));

    /// <summary>hftbacktest-binance-usdm.</summary>
    public static string HftBacktestDir => RealFile("hftbacktest-binance-usdm");
}
