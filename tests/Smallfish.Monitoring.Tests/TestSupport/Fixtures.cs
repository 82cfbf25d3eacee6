using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>The recorded status snapshot fixture (a paper session: BTCUSDT long with its bracket, ETHUSDT gridding on an invalid book).</summary>
internal static class Fixtures
{
    public static string SnapshotPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "status-snapshot.json");

    public static string SnapshotJson => File.ReadAllText(SnapshotPath);

    public static StatusSnapshot Snapshot => StatusJson.Deserialize(SnapshotJson);
}
