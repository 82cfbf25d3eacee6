using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Remote.Email;
using Smallfish.Remote.Tests.TestSupport;

namespace Smallfish.Remote.Tests.Email;

/// <summary>The SMTP client against a fake SMTP server over real loopback sockets.</summary>
public class SmtpEmailSenderTests
{
    private const string Password = "p@ss-W0rd-s3cret";
    private static readonly X509Certificate2 Cert = FakeSmtpServer.CreateCertificate();
    private readonly SimulatedClock _clock = new(1_767_225_600L * TimeProviderExtensions.NsPerSecond);
    private CapturingLoggerProvider _logs = null!;

    [SetUp]
    public void SetUp() => _logs = new CapturingLoggerProvider();

    [TearDown]
    public void TearDown() => _logs.Dispose();

    [OneTimeTearDown]
    public void OneTimeTearDown() => Cert.Dispose();

    private SmtpEmailSender Sender(FakeSmtpServer server, Action<SmtpOptions>? configure = null, bool trustTestCert = true)
    {
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = SmtpSecurity.None,
            From = "bot@smallfish.test",
            To = ["owner@example.test", "backup@example.test"],
            ConnectTimeout = TimeSpan.FromSeconds(5),
            CommandTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        RemoteCertificateValidationCallback? trust = trustTestCert
            ? (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Cert.GetCertHashString()
            : null;
        return new SmtpEmailSender(options, _clock, _logs.CreateFactory().CreateLogger<SmtpEmailSender>(), trust);
    }

    private void AssertNoPasswordInLogs()
    {
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Password));
        Assert.That(_logs.Entries.Where(e => e.Everything.Contains(Password, StringComparison.Ordinal) || e.Everything.Contains(b64, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Send_PlainServer_DeliversEnvelopeHeadersAndBody()
    {
        await using var server = new FakeSmtpServer().Start();

        await Sender(server).SendAsync(new EmailMessage("[smallfish] KILL SWITCH triggered", "Reason: daily loss limit\nEquity: 1000.00")).Within();

        var mail = server.Mails.Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.From, Is.EqualTo("bot@smallfish.test"));
            Assert.That(mail.Recipients, Is.EqualTo(new[] { "owner@example.test", "backup@example.test" }));
            Assert.That(mail.Subject, Is.EqualTo("[smallfish] KILL SWITCH triggered"));
            Assert.That(mail.Header("Date"), Is.EqualTo("Thu, 01 Jan 2026 00:00:00 +0000"));
            Assert.That(mail.Header("To"), Is.EqualTo("owner@example.test, backup@example.test"));
            Assert.That(mail.Header("Content-Type"), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(mail.Body, Is.EqualTo("Reason: daily loss limit\r\nEquity: 1000.00\r\n"));
            Assert.That(mail.OverTls, Is.False);
        });
    }

    [Test]
    public async Task Send_BodyLinesStartingWithDots_DotStuffedOnTheWireAndRestored()
    {
        await using var server = new FakeSmtpServer().Start();

        await Sender(server).SendAsync(new EmailMessage("dots", "first\n.hidden\n..two\n.")).Within();

        var mail = server.Mails.Single();
        Assert.That(mail.WireData, Does.Contain("\r\n..hidden\r\n...two\r\n..\r\n"));
        Assert.That(mail.Body, Is.EqualTo("first\r\n.hidden\r\n..two\r\n.\r\n"), "a lone '.' line did not end the message early");
    }

    [Test]
    public async Task Send_NonAsciiSubjectAndBody_EncodedAndDecodable()
    {
        await using var server = new FakeSmtpServer().Start();
        const string subject = "Drawdown — 12.0 % ▇▇▇ beyond the 10 % threshold, equity falling since the open";

        await Sender(server).SendAsync(new EmailMessage(subject, "P&L −4.10 ▇\nok")).Within();

        var mail = server.Mails.Single();
        Assert.That(mail.Header("Content-Transfer-Encoding"), Is.EqualTo("base64"));
        Assert.That(mail.Subject, Is.EqualTo(subject));
        Assert.That(mail.Body, Is.EqualTo("P&L −4.10 ▇\r\nok"));
    }

    [Test]
    public async Task Send_SubjectWithLineBreaks_CannotInjectHeaders()
    {
        await using var server = new FakeSmtpServer().Start();

        await Sender(server).SendAsync(new EmailMessage("alert\r\nBcc: evil@example.test", "x")).Within();

        var mail = server.Mails.Single();
        Assert.That(mail.Subject, Is.EqualTo("alert  Bcc: evil@example.test"));
        Assert.Throws<KeyNotFoundException>(() => mail.Header("Bcc"));
    }

    [Test]
    public async Task Send_StartTlsWithPlainAuth_EncryptsBeforeSendingCredentials()
    {
        await using var server = new FakeSmtpServer { OfferStartTls = true, AuthMechanisms = ["PLAIN", "LOGIN"], Certificate = Cert }.Start();
        var sender = Sender(server, o =>
        {
            o.Security = SmtpSecurity.StartTls;
            o.Username = "alerts";
            o.Password = Password;
        });

        await sender.SendAsync(new EmailMessage("tls", "secure")).Within();

        var mail = server.Mails.Single();
        Assert.That(mail.OverTls, Is.True);
        Assert.That((mail.AuthMechanism, mail.AuthUser, mail.AuthPassword), Is.EqualTo(("PLAIN", "alerts", Password)));
        Assert.That(server.Transcript.TakeWhile(l => l != "STARTTLS").Any(l => l.StartsWith("AUTH", StringComparison.Ordinal)), Is.False);
        AssertNoPasswordInLogs();
    }

    [Test]
    public async Task Send_ImplicitTlsLoginOnlyServer_UsesAuthLogin()
    {
        await using var server = new FakeSmtpServer { ImplicitTls = true, AuthMechanisms = ["LOGIN"], Certificate = Cert }.Start();
        var sender = Sender(server, o =>
        {
            o.Security = SmtpSecurity.Implicit;
            o.Username = "alerts";
            o.Password = Password;
        });

        await sender.SendAsync(new EmailMessage("implicit", "tls from the first byte")).Within();

        var mail = server.Mails.Single();
        Assert.That(mail.OverTls, Is.True);
        Assert.That((mail.AuthMechanism, mail.AuthUser, mail.AuthPassword), Is.EqualTo(("LOGIN", "alerts", Password)));
        AssertNoPasswordInLogs();
    }

    [Test]
    public async Task Send_StartTlsConfiguredButNotOffered_FailsPermanentlyWithoutSendingCredentials()
    {
        await using var server = new FakeSmtpServer { AuthMechanisms = ["PLAIN"], RequireTlsForAuth = false }.Start();
        var sender = Sender(server, o =>
        {
            o.Security = SmtpSecurity.StartTls;
            o.Username = "alerts";
            o.Password = Password;
        });

        var e = Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(new EmailMessage("x", "y")).Within());

        Assert.That(e!.Stage, Is.EqualTo("STARTTLS"));
        Assert.That(e.IsTransient, Is.False);
        Assert.That(server.Transcript.Any(l => l.StartsWith("AUTH", StringComparison.Ordinal)), Is.False, "no credentials over clear text");
        Assert.That(server.Mails, Is.Empty);
    }

    [Test]
    public async Task Send_AuthRejected_PermanentErrorThatNeverShowsThePassword()
    {
        await using var server = new FakeSmtpServer { OfferStartTls = true, AuthMechanisms = ["PLAIN"], Certificate = Cert, RejectAuth = true }.Start();
        var sender = Sender(server, o =>
        {
            o.Security = SmtpSecurity.StartTls;
            o.Username = "alerts";
            o.Password = Password;
        });

        var e = Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(new EmailMessage("x", "y")).Within());

        Assert.That(e!.ReplyCode, Is.EqualTo(535));
        Assert.That(e.IsTransient, Is.False);
        Assert.That(e.ToString(), Does.Not.Contain(Password));
        AssertNoPasswordInLogs();
    }

    [Test]
    public async Task Send_UntrustedCertificate_FailsTheHandshake()
    {
        await using var server = new FakeSmtpServer { OfferStartTls = true, Certificate = Cert }.Start();
        var sender = Sender(server, o => o.Security = SmtpSecurity.StartTls, trustTestCert: false);

        var e = Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(new EmailMessage("x", "y")).Within());

        Assert.That(e!.Stage, Is.EqualTo("TLS handshake"));
        Assert.That(e.IsTransient, Is.False);
    }

    [Test]
    public async Task Send_SilentServer_TimesOutAsTransientFailure()
    {
        await using var server = new FakeSmtpServer { Silent = true }.Start();
        var sender = Sender(server, o => o.CommandTimeout = TimeSpan.FromMilliseconds(100));

        var e = Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(new EmailMessage("x", "y")).Within());

        Assert.That(e!.Stage, Is.EqualTo("greeting"));
        Assert.That(e.IsTransient, Is.True);
    }

    [Test]
    public async Task Send_ServiceUnavailable421_TransientFailure()
    {
        await using var server = new FakeSmtpServer { RejectConnections = 1 }.Start();

        var e = Assert.ThrowsAsync<EmailSendException>(() => Sender(server).SendAsync(new EmailMessage("x", "y")).Within());

        Assert.That(e!.ReplyCode, Is.EqualTo(421));
        Assert.That(e.IsTransient, Is.True);
    }

    [Test]
    public async Task Send_RecipientRefused_PermanentFailure()
    {
        await using var server = new FakeSmtpServer { RejectRecipients = true }.Start();

        var e = Assert.ThrowsAsync<EmailSendException>(() => Sender(server).SendAsync(new EmailMessage("x", "y")).Within());

        Assert.That((e!.Stage, e.ReplyCode, e.IsTransient), Is.EqualTo(("RCPT TO", (int?)550, false)));
    }

    [Test]
    public void Validator_CredentialsOverPlainText_RejectedWithoutEchoingPassword()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions
        {
            Host = "mail.example.test",
            Security = SmtpSecurity.None,
            From = "a@b.test",
            To = ["bad address"],
            Username = "u",
            Password = Password,
        });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures!.Count(), Is.EqualTo(2), string.Join("\n", result.Failures!));
        Assert.That(result.FailureMessage, Does.Not.Contain(Password));
        Assert.That(new SmtpOptions { Password = Password }.ToString(), Does.Not.Contain(Password));
    }
}
