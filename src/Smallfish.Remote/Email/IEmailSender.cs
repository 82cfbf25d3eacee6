namespace Smallfish.Remote.Email;

/// <summary>Delivers mail (shaped so MailKit's SmtpClient could stand behind it, were it available).</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; throws <see cref="EmailSendException"/> on failure.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
