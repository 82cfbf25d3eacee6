using Microsoft.Extensions.Options;

namespace Smallfish.Remote.Email;

/// <summary>Checks <see cref="SmtpOptions"/> and reports every problem at once; never echoes the password.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host)) errors.Add("Smtp:Host must be set");
        if (options.Port is < 1 or > 65535) errors.Add($"Smtp:Port is {options.Port}; must be 1-65535");
        if (!MailAddressRules.IsValid(options.From)) errors.Add($"Smtp:From '{options.From}' is not a plain ASCII address like alerts@example.com");
        if (options.To.Length == 0) errors.Add("Smtp:To must name at least one recipient");
        foreach (var to in options.To)
        {
            if (!MailAddressRules.IsValid(to)) errors.Add($"Smtp:To '{to}' is not a plain ASCII address like you@example.com");
        }
        if (options.Password.Length > 0 && !options.HasCredentials) errors.Add("Smtp:Password is set but Smtp:Username is empty");
        if (options.HasCredentials && options.Security == SmtpSecurity.None && !options.AllowAuthWithoutTls)
            errors.Add("Smtp:Security is None with credentials: the password would travel in clear; use StartTls or Implicit (or set Smtp:AllowAuthWithoutTls for a loopback relay)");
        if (options.ConnectTimeout <= TimeSpan.Zero) errors.Add($"Smtp:ConnectTimeout is {options.ConnectTimeout}; must be positive");
        if (options.CommandTimeout <= TimeSpan.Zero) errors.Add($"Smtp:CommandTimeout is {options.CommandTimeout}; must be positive");
        if (string.IsNullOrWhiteSpace(options.ClientDomain) || options.ClientDomain.AsSpan().IndexOfAny(" \r\n") >= 0)
            errors.Add("Smtp:ClientDomain must be a host name without spaces");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
