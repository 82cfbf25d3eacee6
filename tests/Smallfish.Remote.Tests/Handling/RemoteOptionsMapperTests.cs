using Smallfish.Core.Configuration;
using Smallfish.Remote.Configuration;
using Smallfish.Remote.Email;
using Smallfish.Remote.Telegram;

namespace Smallfish.Remote.Tests.Handling;

public class RemoteOptionsMapperTests
{
    [Test]
    public void ToTelegramBotOptions_FromConfiguration_ValidAndCarriesTokenAndChats()
    {
        var secrets = new SecretsOptions { TelegramBotToken = "123456:AAbbCCddEEffGGhhIIjjKKllMMnn" };
        var telegram = new TelegramOptions { Enabled = true, AllowedChatIds = [42, -1001234567890], PollTimeoutSeconds = 0, ApiBaseUrl = "http://127.0.0.1:9999" };

        var options = RemoteOptionsMapper.ToTelegramBotOptions(telegram, secrets);

        Assert.That(options.BotToken, Is.EqualTo(secrets.TelegramBotToken));
        Assert.That(options.AllowedChatIds, Is.EqualTo(new[] { 42L, -1001234567890L }));
        Assert.That(options.PollTimeoutSeconds, Is.EqualTo(1), "never short-polls in a loop");
        Assert.That(options.ApiBaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:9999/")));
        Assert.That(new TelegramBotOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [TestCase(true, 587, "smtp.example.test", SmtpSecurity.StartTls, false)]
    [TestCase(true, 465, "smtp.example.test", SmtpSecurity.Implicit, false)]
    [TestCase(false, 25, "127.0.0.1", SmtpSecurity.None, true)]
    public void ToSmtpOptions_UseTlsAndPort_ChooseSecurity(bool useTls, int port, string host, SmtpSecurity expected, bool plainAuthAllowed)
    {
        var email = new EmailOptions { Enabled = true, SmtpHost = host, SmtpPort = port, UseTls = useTls, Username = "u", From = "a@b.test", To = ["c@d.test"] };

        var options = RemoteOptionsMapper.ToSmtpOptions(email, new SecretsOptions { SmtpPassword = "pw" });

        Assert.That(options.Security, Is.EqualTo(expected));
        Assert.That(options.AllowAuthWithoutTls, Is.EqualTo(plainAuthAllowed));
        Assert.That(options.Password, Is.EqualTo("pw"));
        Assert.That(new SmtpOptionsValidator().Validate(null, options).Succeeded, Is.True);
    }

    [Test]
    public void ToEmailAlertOptions_PercentAndTime_Converted()
    {
        var options = RemoteOptionsMapper.ToEmailAlertOptions(new EmailOptions { Enabled = true, DrawdownAlertPct = 5, DailySummaryTimeUtc = new TimeOnly(23, 55) });

        Assert.That(options.DrawdownAlertFraction, Is.EqualTo(0.05).Within(1e-12));
        Assert.That(options.DrawdownRearmFraction, Is.EqualTo(0.04).Within(1e-12));
        Assert.That(options.DailySummaryUtc, Is.EqualTo(new TimeSpan(23, 55, 0)));
    }
}
