namespace Smallfish.Remote.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (loopback relays only; credentials are refused unless explicitly allowed).</summary>
    None,

    /// <summary>Plain connect, then <c>STARTTLS</c> before anything else (port 587). Fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,
}
