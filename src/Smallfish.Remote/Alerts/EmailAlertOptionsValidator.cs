using Microsoft.Extensions.Options;

namespace Smallfish.Remote.Alerts;

/// <summary>Checks <see cref="EmailAlertOptions"/> and reports every problem at once.</summary>
public sealed class EmailAlertOptionsValidator : IValidateOptions<EmailAlertOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmailAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.DrawdownAlertFraction is <= 0 or >= 1)
            errors.Add($"EmailAlerts:DrawdownAlertFraction is {options.DrawdownAlertFraction}; must be between 0 and 1 (0.10 = 10 %)");
        if (options.DrawdownRearmFraction < 0 || options.DrawdownRearmFraction > options.DrawdownAlertFraction)
            errors.Add($"EmailAlerts:DrawdownRearmFraction is {options.DrawdownRearmFraction}; must be between 0 and DrawdownAlertFraction");
        if (options.DailySummaryUtc < TimeSpan.Zero || options.DailySummaryUtc >= TimeSpan.FromDays(1))
            errors.Add($"EmailAlerts:DailySummaryUtc is {options.DailySummaryUtc}; must be a time of day 00:00:00-23:59:59");
        if (options.MaxAttempts < 1) errors.Add($"EmailAlerts:MaxAttempts is {options.MaxAttempts}; must be >= 1");
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
            errors.Add("EmailAlerts:RetryBaseDelay must be positive and not above EmailAlerts:RetryMaxDelay");
        if (options.QueueCapacity < 1) errors.Add($"EmailAlerts:QueueCapacity is {options.QueueCapacity}; must be >= 1");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
