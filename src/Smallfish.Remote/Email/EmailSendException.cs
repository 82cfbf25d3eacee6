namespace Smallfish.Remote.Email;

/// <summary>
/// A failed delivery: the stage (connect, EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA...), the server's reply code
/// and text when there was one, and whether trying again later may help. Never contains the password.
/// </summary>
public sealed class EmailSendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailSendException(string stage, string message, bool isTransient, int? replyCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Stage = stage;
        IsTransient = isTransient;
        ReplyCode = replyCode;
    }

    /// <summary>Protocol step that failed.</summary>
    public string Stage { get; }

    /// <summary>True for network errors, timeouts and 4xx replies; false for 5xx replies and configuration problems.</summary>
    public bool IsTransient { get; }

    /// <summary>The server's reply code, when the failure was a reply.</summary>
    public int? ReplyCode { get; }
}
