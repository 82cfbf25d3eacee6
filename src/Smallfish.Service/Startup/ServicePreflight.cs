using Smallfish.Core.Configuration;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Service.Startup;

/// <summary>Rules only the service needs (the backtest never talks to Telegram): checked before anything starts.</summary>
public static class ServicePreflight
{
    /// <summary>Throws <see cref="ConfigurationErrors"/> listing every problem.</summary>
    public static void Check(SmallfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ConfigurationError>();
        if (options.Telegram.Enabled && string.IsNullOrWhiteSpace(options.Secrets.TelegramBotToken))
        {
            errors.Add(new ConfigurationError("Smallfish:Secrets:TelegramBotToken", SecretsOptions.NotSetText,
                "is required when Smallfish:Telegram:Enabled is true (TELEGRAM_BOT_TOKEN)"));
        }

        if (options.Service.ShutdownDrainMs >= options.Service.ShutdownTimeoutSeconds * 1000)
        {
            errors.Add(new ConfigurationError("Smallfish:Service:ShutdownDrainMs", options.Service.ShutdownDrainMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "must be less than Smallfish:Service:ShutdownTimeoutSeconds (in ms), or the host stops the loop before it has drained"));
        }

        if (errors.Count > 0) throw new ConfigurationErrors(errors);
    }
}
