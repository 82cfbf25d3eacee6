using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Validates <see cref="SmallfishOptions"/>: the data-annotation rule of every single field, then the cross-field
/// rules (enabled signal weights sum to 1, min signals within the enabled count, drawdown tiers strictly increasing,
/// status endpoint on loopback unless allowed, ...), for the base sections and for each symbol's effective options.
/// When built with the configuration it also rejects unknown keys and values that do not convert. Every problem is
/// reported at once, one line each.
/// </summary>
public sealed class SmallfishOptionsValidator : IValidateOptions<SmallfishOptions>
{
    private readonly IConfiguration? _configuration;

    /// <summary>Creates a validator of bound options only.</summary>
    public SmallfishOptionsValidator()
    {
    }

    /// <summary>Creates a validator that also checks the keys under <c>Smallfish</c> in <paramref name="configuration"/>.</summary>
    public SmallfishOptionsValidator(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    /// <summary>Returns every problem of the bound <paramref name="options"/> (an empty list when valid).</summary>
    public IReadOnlyList<ConfigurationError> Validate(SmallfishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string root = SmallfishOptions.SectionName;
        var errors = new List<ConfigurationError>();
        DataAnnotationsChecker.Check(options, root, errors, skipProperty: nameof(SmallfishOptions.PerSymbol));
        GlobalOptionsRules.Check(options, errors);

        var baseScope = new SymbolScopedOptions
        {
            Signals = options.Signals, Fusion = options.Fusion, Risk = options.Risk, Gates = options.Gates, Routing = options.Routing,
        };
        List<ConfigurationError> baseErrors = CheckScope(baseScope, root);
        errors.AddRange(baseErrors);
        if (options.PerSymbol.Count == 0) return errors;

        // A symbol inherits the base values: report only the problems its own override brings.
        var inherited = new HashSet<(string, string, string?)>();
        foreach (ConfigurationError e in baseErrors) inherited.Add((e.Key[root.Length..], e.Rule, e.Value));
        foreach ((string symbol, SymbolScopedOptions scope) in options.PerSymbol)
        {
            string prefix = $"{root}:PerSymbol:{symbol}";
            foreach (ConfigurationError e in CheckScope(scope, prefix))
            {
                if (!inherited.Contains((e.Key[prefix.Length..], e.Rule.Replace(prefix, root, StringComparison.Ordinal), e.Value))) errors.Add(e);
            }
        }

        return errors;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmallfishOptions options)
    {
        var keyErrors = new List<ConfigurationError>();
        if (_configuration is not null)
        {
            ConfigurationKeyChecker.Check(_configuration.GetSection(SmallfishOptions.SectionName), typeof(SmallfishOptions), keyErrors);
        }

        var errors = new List<ConfigurationError>();
        AppendAll(keyErrors, Validate(options), errors);
        if (errors.Count == 0) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(new ConfigurationErrors(errors).Lines);
    }

    /// <summary>
    /// Appends the key problems, then the rule problems whose key was not already reported as a key problem (a key
    /// that failed to bind leaves its default behind, and a rule broken by that default would only repeat it).
    /// </summary>
    internal static void AppendAll(List<ConfigurationError> keyErrors, IReadOnlyList<ConfigurationError> ruleErrors, List<ConfigurationError> errors)
    {
        errors.AddRange(keyErrors);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ConfigurationError error in keyErrors) reported.Add(error.Key);
        foreach (ConfigurationError error in ruleErrors)
        {
            if (!reported.Contains(error.Key)) errors.Add(error);
        }
    }

    private static List<ConfigurationError> CheckScope(SymbolScopedOptions scope, string prefix)
    {
        var errors = new List<ConfigurationError>();
        DataAnnotationsChecker.Check(scope, prefix, errors);
        ScopedOptionsRules.Check(scope, prefix, errors);
        return errors;
    }
}
