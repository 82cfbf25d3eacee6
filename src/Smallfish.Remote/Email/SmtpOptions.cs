namespace Smallfish.Remote.Email;

/// <summary>
/// Where and how alert mail is sent. <see cref="Password"/> is a secret: supply it from the environment or a secrets
/// file; it is never logged or put into exceptions. Validated by <see cref="SmtpOptionsValidator"/>.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>SMTP server host name.</summary>
    public string Host { get; set; } = "";

    /// <summary>Server port (587 for STARTTLS, 465 for implicit TLS, 25 for a local relay).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Transport security.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Login name; empty for no authentication.</summary>
    public string Username { get; set; } = "";

    /// <summary>Password (secret).</summary>
    public string Password { get; set; } = "";

    /// <summary>Envelope and header sender address.</summary>
    public string From { get; set; } = "";

    /// <summary>Recipients.</summary>
    public string[] To { get; set; } = [];

    /// <summary>Name announced in <c>EHLO</c>.</summary>
    public string ClientDomain { get; set; } = "smallfish.local";

    /// <summary>Wall-time limit of the TCP connect and TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wall-time limit of each command's reply.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allow AUTH over an unencrypted connection (a loopback relay); off by default.</summary>
    public bool AllowAuthWithoutTls { get; set; }

    /// <summary>True when a user name is configured.</summary>
    public bool HasCredentials => Username.Length > 0;

    /// <summary>Never prints the password.</summary>
    public override string ToString() =>
        $"Smtp(Host={Host}, Port={Port}, Security={Security}, Auth={(HasCredentials ? "yes" : "no")}, Password={(Password.Length == 0 ? "<unset>" : "***")})";
}
