using Microsoft.Extensions.Configuration;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Second line of defence for secrets: replaces any occurrence of a known secret value (everything under
/// <c>Smallfish:Secrets</c> and the secret environment variables) in text meant for humans, in case a secret was
/// pasted into the wrong key.
/// </summary>
public sealed class SecretScrubber
{
    private const int MinimumLength = 4;
    private readonly List<string> _secrets = [];

    /// <summary>A scrubber that knows no secret.</summary>
    public static SecretScrubber None { get; } = new();

    /// <summary>Collects the secret values of <paramref name="configuration"/> and <paramref name="environment"/>.</summary>
    public static SecretScrubber From(IConfiguration? configuration, IReadOnlyDictionary<string, string?>? environment)
    {
        var scrubber = new SecretScrubber();
        if (configuration is not null)
        {
            foreach (KeyValuePair<string, string?> pair in configuration.GetSection(SmallfishOptions.SectionName + ":Secrets").AsEnumerable())
            {
                scrubber.Add(pair.Value);
            }
        }

        if (environment is not null)
        {
            foreach (string variable in EnvironmentVariableMapper.SecretVariables)
            {
                if (environment.TryGetValue(variable, out string? value)) scrubber.Add(value);
            }
        }

        return scrubber;
    }

    /// <summary>Collects the secret values of bound options.</summary>
    public static SecretScrubber From(SecretsOptions secrets)
    {
        var scrubber = new SecretScrubber();
        scrubber.Add(secrets.ApiKey);
        scrubber.Add(secrets.ApiSecret);
        scrubber.Add(secrets.TelegramBotToken);
        scrubber.Add(secrets.SmtpPassword);
        return scrubber;
    }

    /// <summary>Adds a secret value (short values are ignored: they would blank out ordinary text).</summary>
    public void Add(string? secret)
    {
        if (secret is null) return;
        secret = secret.Trim();
        if (secret.Length >= MinimumLength && !_secrets.Contains(secret)) _secrets.Add(secret);
    }

    /// <summary>The text with every known secret replaced by <see cref="SecretsOptions.RedactedText"/>.</summary>
    public string Scrub(string text)
    {
        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, SecretsOptions.RedactedText, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The error with key and value scrubbed.</summary>
    internal ConfigurationError Scrub(ConfigurationError error) =>
        error with { Key = Scrub(error.Key), Value = error.Value is null ? null : Scrub(error.Value), Rule = Scrub(error.Rule) };
}
