using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;
using Smallfish.Hosting.Runtime;

namespace Smallfish.Service.Tests.Hosting;

public sealed class RunModeResolverTests
{
    private static SmallfishOptions Options(bool keys, bool testnet, bool live = false)
    {
        var options = new SmallfishOptions();
        options.Exchange.Testnet = testnet;
        options.Exchange.Live = live;
        if (keys)
        {
            options.Secrets.ApiKey = "key-value";
            options.Secrets.ApiSecret = "secret-value";
        }

        return options;
    }

    [TestCase(false, true, false, false, ExpectedResult = RunMode.Paper)]
    [TestCase(false, false, false, false, ExpectedResult = RunMode.Paper)]
    [TestCase(true, true, false, false, ExpectedResult = RunMode.Testnet)]
    [TestCase(true, false, true, false, ExpectedResult = RunMode.Live)]
    [TestCase(true, false, false, true, ExpectedResult = RunMode.Live)]
    [TestCase(true, true, false, false, ExpectedResult = RunMode.Testnet)]
    public RunMode Resolve_SafeCombinations_ChooseTheMode(bool keys, bool testnet, bool liveFlag, bool liveOption) =>
        RunModeResolver.Resolve(Options(keys, testnet, liveOption), new RunModeRequest { Live = liveFlag });

    [Test]
    public void Resolve_PaperFlagWithKeys_Paper() =>
        Assert.That(RunModeResolver.Resolve(Options(keys: true, testnet: false), new RunModeRequest { Paper = true }), Is.EqualTo(RunMode.Paper));

    [Test]
    public void Resolve_Offline_OfflineWithoutKeys() =>
        Assert.That(RunModeResolver.Resolve(Options(keys: false, testnet: true), new RunModeRequest { Offline = true, ReplayPath = "x.sfr" }), Is.EqualTo(RunMode.Offline));

    [TestCase(false, true, true, false, false, "Smallfish:Secrets:ApiKey")]
    [TestCase(false, false, false, true, false, "Smallfish:Secrets:ApiKey")]
    [TestCase(true, true, true, false, false, "Smallfish:Exchange:Testnet")]
    [TestCase(true, false, false, false, false, "Smallfish:Exchange:Live")]
    [TestCase(true, false, true, false, true, "--offline")]
    public void Resolve_UnsafeCombinations_OneConfigurationError(bool keys, bool testnet, bool liveFlag, bool liveOption, bool offline, string key)
    {
        var errors = Assert.Throws<ConfigurationErrors>(() =>
            RunModeResolver.Resolve(Options(keys, testnet, liveOption), new RunModeRequest { Live = liveFlag, Offline = offline }));

        Assert.That(errors!.Errors, Has.Count.EqualTo(1));
        Assert.That(errors.Errors[0].Key, Is.EqualTo(key));
        Assert.That(errors.Errors[0].ToString(), Does.Not.Contain("key-value").And.Not.Contain("secret-value"));
    }

    [Test]
    public void Resolve_ReplayWithoutOffline_Error() =>
        Assert.Throws<ConfigurationErrors>(() => RunModeResolver.Resolve(Options(false, true), new RunModeRequest { ReplayPath = "x.sfr" }));
}
