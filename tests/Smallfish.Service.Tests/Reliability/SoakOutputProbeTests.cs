namespace Smallfish.Service.Tests.Reliability;

/// <summary>The soak's secret scan finds a secret wherever it is put, so its "no leaks" is worth something.</summary>
public sealed class SoakOutputProbeTests
{
    [Test]
    public async Task FindSecrets_SecretInConsoleAndInALogFile_ReportsBothPlaces()
    {
        string data = Path.Combine(Path.GetTempPath(), "smallfish-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(data, "logs"));
        try
        {
            await using SoakOutputProbe probe = await SoakOutputProbe.StartAsync();
            const string secret = "Zq9-secret-under-test";
            await File.WriteAllTextAsync(Path.Combine(data, "logs", "smallfish.log"), "signing with " + secret + "\n");
            await File.WriteAllTextAsync(Path.Combine(data, "clean.txt"), "nothing to see\n");

            IReadOnlyList<string> found = probe.FindSecrets([(1, "ok"), (2, "oops " + secret)], data, [secret, "never-there"]);

            Assert.That(found, Has.Count.EqualTo(2));
            Assert.That(found, Has.Some.StartsWith("console of process 2"));
            Assert.That(found, Has.Some.StartsWith(Path.Combine("logs", "smallfish.log")));
            Assert.That(string.Join(" ", found), Does.Not.Contain(secret), "the report names places, never the secret");
            Assert.That(SoakOutputProbe.LogBytes(data), Is.GreaterThan(0));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
