using Smallfish.Hosting.Configuration;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>
/// A temporary config directory (copies of the repository's appsettings*.json) and data directory. Every exchange
/// address is pointed at a closed loopback port so nothing a test starts can reach beyond 127.0.0.1.
/// </summary>
internal sealed class ServiceDirectory : IDisposable
{
    public ServiceDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "smallfish-service-tests", Guid.NewGuid().ToString("N"));
        ConfigDirectory = Path.Combine(Root, "config");
        DataDirectory = Path.Combine(Root, "data");
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(DataDirectory);
        foreach (string file in Directory.GetFiles(TestPaths.RepoRoot, "appsettings*.json"))
        {
            if (Path.GetFileName(file) == "appsettings.Secrets.json") continue;
            File.Copy(file, Path.Combine(ConfigDirectory, Path.GetFileName(file)));
        }
    }

    public string Root { get; }

    public string ConfigDirectory { get; }

    public string DataDirectory { get; }

    /// <summary>
    /// Replaces the symbol list of the copied appsettings.json with <paramref name="symbol"/> alone. A process resolves
    /// its symbols against the venue's instrument list at start, and a recording may list only one symbol; a --set can
    /// replace a list entry but not drop one.
    /// </summary>
    public void TradeOnly(string symbol)
    {
        string path = Path.Combine(ConfigDirectory, "appsettings.json");
        string json = File.ReadAllText(path);
        string trimmed = System.Text.RegularExpressions.Regex.Replace(json, "\"Symbols\"\\s*:\\s*\\[[^\\]]*\\]", $"\"Symbols\": [ \"{symbol}\" ]");
        Assert.That(trimmed, Is.Not.EqualTo(json), "the symbol list was found in appsettings.json");
        File.WriteAllText(path, trimmed);
    }

    private static readonly Lazy<int> s_closedPort = new(FreePort);

    /// <summary>A port on 127.0.0.1 that is free now (nothing listens on it once this returns).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A port on 127.0.0.1 that was free when first asked for and has nothing listening on it.</summary>
    public static int ClosedPort => s_closedPort.Value;

    /// <summary>Overrides (keys relative to Smallfish) that send every exchange address to a closed loopback port.</summary>
    public static Dictionary<string, string?> LoopbackExchangeOverrides()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string venue in new[] { "Bybit", "Binance" })
        {
            foreach (string net in new[] { "Mainnet", "Testnet" })
            {
                string prefix = $"Exchange:{venue}:{net}:";
                overrides[prefix + "RestBaseUrl"] = $"http://127.0.0.1:{ClosedPort}";
                overrides[prefix + "PublicWsUrl"] = $"ws://127.0.0.1:{ClosedPort}";
                overrides[prefix + "MarketWsUrl"] = $"ws://127.0.0.1:{ClosedPort}";
                overrides[prefix + "PrivateWsUrl"] = $"ws://127.0.0.1:{ClosedPort}";
            }
        }

        return overrides;
    }

    /// <summary>Loads the configuration of this directory with <paramref name="overrides"/> on top of the loopback addresses.</summary>
    public LoadedSmallfishConfiguration Load(IReadOnlyDictionary<string, string?>? overrides = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Dictionary<string, string?> all = LoopbackExchangeOverrides();
        all["Journal:DataDirectory"] = DataDirectory;
        all["Status:Enabled"] = "false";
        all["Service:FileLogs"] = "false";
        if (overrides is not null)
        {
            foreach ((string key, string? value) in overrides) all[key] = value;
        }

        return SmallfishConfiguration.Load(new SmallfishConfigurationRequest
        {
            ConfigDirectory = ConfigDirectory,
            Environment = environment ?? new Dictionary<string, string?>(),
            Overrides = all,
            WorkingDirectory = Root,
        });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open in a failed test must not hide the real failure.
        }
    }
}
