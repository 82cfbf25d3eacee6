using System.Net;
using Smallfish.Core.Configuration;
using Smallfish.Monitoring.Server;
using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Tests.Server;

/// <summary>The bind-address rule, checked without listening beyond loopback.</summary>
public class StatusBindAddressTests
{
    [TestCase("127.0.0.1", "127.0.0.1")]
    [TestCase("127.0.0.5", "127.0.0.5")]
    [TestCase("::1", "::1")]
    [TestCase("localhost", "127.0.0.1")]
    [TestCase(" LOCALHOST ", "127.0.0.1")]
    public void Resolve_Loopback_IsAllowedWithoutTheFlag(string address, string expected)
    {
        Assert.That(StatusBindAddress.Resolve(address, allowNonLoopback: false), Is.EqualTo(IPAddress.Parse(expected)));
    }

    [TestCase("0.0.0.0")]
    [TestCase("::")]
    [TestCase("192.168.1.20")]
    public void Resolve_NonLoopbackWithoutFlag_ThrowsAOneLineConfigurationError(string address)
    {
        var ex = Assert.Throws<StatusServerConfigurationException>(() => StatusBindAddress.Resolve(address, allowNonLoopback: false))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key, Is.EqualTo("Smallfish:Status:BindAddress"));
            Assert.That(ex.Value, Is.EqualTo(address));
            Assert.That(ex.Message, Does.StartWith($"config error: Smallfish:Status:BindAddress = '{address}': "));
            Assert.That(ex.Message, Does.Contain("AllowNonLoopback"));
            Assert.That(ex.Message, Does.Not.Contain("\n"));
        });
    }

    [TestCase("0.0.0.0")]
    [TestCase("192.168.1.20")]
    public void Resolve_NonLoopbackWithFlag_IsAllowed(string address)
    {
        Assert.That(StatusBindAddress.Resolve(address, allowNonLoopback: true), Is.EqualTo(IPAddress.Parse(address)));
    }

    [Test]
    public void Resolve_NotAnAddress_Throws()
    {
        var ex = Assert.Throws<StatusServerConfigurationException>(() => StatusBindAddress.Resolve("status.example.com", allowNonLoopback: true))!;

        Assert.That(ex.Rule, Does.Contain("IP address or localhost"));
    }

    [TestCase(-1)]
    [TestCase(65_536)]
    public void CheckPort_OutOfRange_Throws(int port)
    {
        Assert.Throws<StatusServerConfigurationException>(() => StatusBindAddress.CheckPort(port));
    }

    [Test]
    public void Constructor_NonLoopbackWithoutFlag_RefusesBeforeListening()
    {
        var options = new StatusServerOptions { BindAddress = "0.0.0.0", Port = 0 };

        Assert.Throws<StatusServerConfigurationException>(() => _ = new StatusServer(options, new DelegateStatusSource(() => new StatusSnapshot())));
    }

    [Test]
    public async Task Constructor_NonLoopbackWithFlag_IsAccepted()
    {
        // Constructed only: the test never listens beyond loopback.
        var options = new StatusServerOptions { BindAddress = "0.0.0.0", Port = 0, AllowNonLoopback = true };

        await using var server = new StatusServer(options, new DelegateStatusSource(() => new StatusSnapshot()));

        Assert.That(server.Addresses, Is.Empty);
    }

    [Test]
    public void Constructor_NoAddressAndNoSocket_Throws()
    {
        var options = new StatusServerOptions { BindAddress = "", UnixSocketPath = null };

        Assert.Throws<StatusServerConfigurationException>(() => _ = new StatusServer(options, new DelegateStatusSource(() => null)));
    }

    [Test]
    public void From_ServiceOptions_CarriesAddressPortAndFlag()
    {
        var options = StatusServerOptions.From(new StatusOptions { BindAddress = "::1", Port = 9000, AllowNonLoopback = true });

        Assert.That(options, Is.EqualTo(new StatusServerOptions { BindAddress = "::1", Port = 9000, AllowNonLoopback = true }));
    }
}
