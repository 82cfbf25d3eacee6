using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Configuration;

public sealed class DefaultConfigurationTests
{
    private ConfigurationTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ConfigurationTestDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Load_RepositoryAppsettings_ValidatesWithTheSeedDefaults()
    {
        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request()).Options;

        Assert.Multiple(() =>
        {
            Assert.That(o.Mode, Is.EqualTo(TradingMode.Balanced));
            Assert.That(o.Exchange.Name, Is.EqualTo(ExchangeName.Bybit));
            Assert.That(o.Exchange.Testnet, Is.True, "real money only when asked for");
            Assert.That(o.Symbols, Is.EqualTo(new[] { "BTCUSDT", "ETHUSDT" }));
            Assert.That(o.Gates.MaxSpreadTicks, Is.EqualTo(2));
            Assert.That(o.Gates.MaxFeedLatencyMs, Is.EqualTo(80));
            Assert.That(o.Gates.FundingWindowMinutes, Is.EqualTo(3));
            Assert.That(o.Gates.CooldownAfterLossSeconds, Is.EqualTo(5));
            Assert.That(o.Risk.DailyLossLimitR, Is.EqualTo(10));
            Assert.That(o.Risk.MaxSlippageBreaches, Is.EqualTo(3));
            Assert.That(o.WebSocket.PingIntervalSeconds, Is.EqualTo(20));
            Assert.That(o.Status.BindAddress, Is.EqualTo("127.0.0.1"));
            Assert.That(o.Status.AllowNonLoopback, Is.False);
            Assert.That(o.Risk.DrawdownTiers.ConvertAll(t => t.DrawdownPct), Is.EqualTo(new[] { 5.0, 10, 15, 20 }));
            Assert.That(o.Secrets.HasExchangeCredentials, Is.False);
            Assert.That(o.PerSymbol, Is.Empty);
        });
    }

    [TestCase("Obi", SignalGroup.Core, 0.22)]
    [TestCase("Prt", SignalGroup.Core, 0.10)]
    [TestCase("Umom", SignalGroup.Core, 0.15)]
    [TestCase("Ltb", SignalGroup.Whale, 0.08)]
    [TestCase("Sweep", SignalGroup.Whale, 0.05)]
    [TestCase("Ice", SignalGroup.Whale, 0.03)]
    [TestCase("Vwap", SignalGroup.Meta, 0.05)]
    [TestCase("Regime", SignalGroup.Meta, 0.02)]
    [TestCase("Cvd", SignalGroup.Micro, 0.07)]
    [TestCase("Tps", SignalGroup.Micro, 0.05)]
    [TestCase("Liq", SignalGroup.Micro, 0.06)]
    [TestCase("Mvr", SignalGroup.Micro, 0.06)]
    [TestCase("Absorb", SignalGroup.Micro, 0.06)]
    public void Load_DefaultSignals_HaveTheEngineeringNotesWeightAndGroup(string property, SignalGroup group, double weight)
    {
        SignalsOptions signals = SmallfishConfiguration.Load(_dir.Request()).Options.Signals;
        var signal = (SignalOptions)typeof(SignalsOptions).GetProperty(property)!.GetValue(signals)!;

        Assert.Multiple(() =>
        {
            Assert.That(signal.Code, Is.EqualTo(property.ToUpperInvariant()));
            Assert.That(signal.Group, Is.EqualTo(group));
            Assert.That(signal.Weight, Is.EqualTo(weight));
            Assert.That(signal.Enabled, Is.True);
        });
    }

    [Test]
    public void GetAll_IsIndexedBySignalId()
    {
        var signals = new SignalsOptions();
        SignalOptions[] all = signals.GetAll();

        Assert.That(all, Has.Length.EqualTo(Smallfish.Core.Signals.SignalIds.Count));
        for (int i = 0; i < all.Length; i++)
        {
            var id = (Smallfish.Core.Signals.SignalId)i;
            Assert.That(all[i].Id, Is.EqualTo(id));
            Assert.That(signals.Get(id), Is.SameAs(all[i]));
        }
    }

    [Test]
    public void Load_DefaultSignals_ThirteenWeightsSumToOne()
    {
        SignalOptions[] all = SmallfishConfiguration.Load(_dir.Request()).Options.Signals.GetAll();

        Assert.That(all, Has.Length.EqualTo(13));
        Assert.That(all.Sum(s => s.Weight), Is.EqualTo(1.0).Within(1e-9));
    }

    [Test]
    public void CodeDefaults_EqualEveryScalarOfAppsettingsJson()
    {
        // appsettings.json carries every default; the property initializers must say the same thing, so that code
        // constructing options directly (tests, tools) behaves like the configured service.
        IConfigurationRoot baseOnly = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(_dir.ConfigDirectory, "appsettings.json"))
            .Build();
        var bound = new SmallfishOptions();
        var errors = new List<ConfigurationError>();
        SmallfishOptionsBinder.Bind(baseOnly, bound, errors);
        Assert.That(errors, Is.Empty);

        Dictionary<string, string> fromJson = Scalars(bound);
        Dictionary<string, string> fromCode = Scalars(new SmallfishOptions());

        Assert.That(fromCode.Keys, Is.EquivalentTo(fromJson.Keys), "appsettings.json must list every setting");
        foreach ((string key, string value) in fromCode)
        {
            Assert.That(fromJson[key], Is.EqualTo(value), key);
        }
    }

    [Test]
    public void BalancedProfile_RepeatsTheBaseValues()
    {
        SmallfishOptions balanced = SmallfishConfiguration.Load(_dir.Request(mode: "balanced")).Options;
        _dir.WriteConfigFile("appsettings.Balanced.json", "{}");
        SmallfishOptions baseOnly = SmallfishConfiguration.Load(_dir.Request(mode: "balanced")).Options;

        Assert.That(EffectiveConfigurationPrinter.GetLines(balanced), Is.EqualTo(EffectiveConfigurationPrinter.GetLines(baseOnly)));
    }

    [TestCase("BTCUSDT", "0.10", "0.001", "0.001", "5")]
    [TestCase("ETHUSDT", "0.01", "0.001", "0.001", "5")]
    [TestCase("SOLUSDT", "0.010", "0.1", "0.1", "5")]
    [TestCase("DOGEUSDT", "0.00001", "1", "1", "5")]
    [TestCase("SUSHIUSDT", "0.001", "1", "1", "5")]
    [TestCase("AKROUSDT", "0.00001", "1", "1", "5")]
    [TestCase("KEEPUSDT", "0.0001", "1", "1", "5")]
    [TestCase("CTKUSDT", "0.00001", "1", "1", "5")]
    public void Load_DefaultInstruments_BecomeCoreInstrumentSpecs(string symbol, string tick, string step, string minQty, string minNotional)
    {
        SmallfishOptions o = SmallfishConfiguration.Load(_dir.Request()).Options;

        Smallfish.Core.Instruments.InstrumentSpec spec = o.Instruments[symbol.ToLowerInvariant()].ToSpec(symbol);

        Assert.Multiple(() =>
        {
            Assert.That(spec.TickSize, Is.EqualTo(decimal.Parse(tick, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(spec.QtyStep, Is.EqualTo(decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(spec.MinQty, Is.EqualTo(decimal.Parse(minQty, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(spec.MinNotional, Is.EqualTo(decimal.Parse(minNotional, System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Load_MissingAppsettings_ReportsTheFile()
    {
        File.Delete(Path.Combine(_dir.ConfigDirectory, "appsettings.json"));

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request()));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Has.Some.Contains("appsettings.json: file not found"));
    }

    [Test]
    public void Load_MalformedProfileFile_ReportsFileAndLine()
    {
        _dir.WriteConfigFile("appsettings.Aggressive.json", "{\n  \"Smallfish\": {\n    \"Risk\": { \"RiskPerTradePct\": ,\n  }\n}");

        var ex = Assert.Throws<ConfigurationErrors>(() => SmallfishConfiguration.Load(_dir.Request(mode: "aggressive")));

        Assert.That(ex!.Errors, Has.Count.EqualTo(1));
        Assert.That(ex.Errors[0].ToString(), Does.Contain("appsettings.Aggressive.json: is not valid JSON (line 3"));
    }

    private static Dictionary<string, string> Scalars(SmallfishOptions options)
    {
        var scalars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (OptionsFlattener.Entry entry in OptionsFlattener.Flatten(options, SmallfishOptions.SectionName, nameof(SmallfishOptions.PerSymbol)))
        {
            bool collection = entry.ListRoot is not null || entry.Key.StartsWith("Smallfish:Instruments", StringComparison.Ordinal);
            if (!collection) scalars[entry.Key] = entry.Value;
        }

        return scalars;
    }
}
