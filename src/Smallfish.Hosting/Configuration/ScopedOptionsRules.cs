using System.Globalization;
using Smallfish.Core.Configuration;

namespace Smallfish.Hosting.Configuration;

/// <summary>
/// Cross-field rules of the sections that can be overridden per symbol (Signals, Fusion, Risk, Gates, Routing).
/// Applied to the base sections under <c>Smallfish</c> and to each symbol's effective options under
/// <c>Smallfish:PerSymbol:&lt;SYMBOL&gt;</c>.
/// </summary>
internal static class ScopedOptionsRules
{
    /// <summary>Tolerance of the weight-sum rule.</summary>
    public const double WeightSumTolerance = 1e-6;

    /// <summary>Appends the problems of <paramref name="scope"/> (whose sections live under <paramref name="prefix"/>).</summary>
    public static void Check(SymbolScopedOptions scope, string prefix, List<ConfigurationError> errors)
    {
        int enabled = CheckSignals(scope.Signals, prefix + ":Signals", errors);
        CheckFusion(scope, enabled, prefix, errors);
        CheckRisk(scope.Risk, prefix + ":Risk", errors);
    }

    private static int CheckSignals(SignalsOptions signals, string path, List<ConfigurationError> errors)
    {
        int enabled = 0;
        double sum = 0;
        foreach (SignalOptions signal in signals.GetAll())
        {
            if (!signal.Enabled) continue;
            enabled++;
            sum += signal.Weight;
        }

        if (enabled == 0)
        {
            errors.Add(new ConfigurationError(path, null, "at least one signal must be enabled"));
        }
        else if (Math.Abs(sum - 1.0) > WeightSumTolerance)
        {
            errors.Add(new ConfigurationError(path, Fmt(Math.Round(sum, 9)),
                $"the Weight values of the {enabled} enabled signals must sum to 1 (tolerance 1e-6)"));
        }

        UmomSignalOptions umom = signals.Umom;
        if (umom.FastEmaSeconds >= umom.SlowEmaSeconds)
        {
            errors.Add(new ConfigurationError(path + ":Umom:FastEmaSeconds", Fmt(umom.FastEmaSeconds),
                $"must be less than {path}:Umom:SlowEmaSeconds ({Fmt(umom.SlowEmaSeconds)})"));
        }

        if (signals.Tps.ShortWindowSeconds >= signals.Tps.LongWindowSeconds)
        {
            errors.Add(new ConfigurationError(path + ":Tps:ShortWindowSeconds", Fmt(signals.Tps.ShortWindowSeconds),
                $"must be less than {path}:Tps:LongWindowSeconds ({Fmt(signals.Tps.LongWindowSeconds)})"));
        }

        if (signals.Mvr.ShortWindowSeconds >= signals.Mvr.LongWindowSeconds)
        {
            errors.Add(new ConfigurationError(path + ":Mvr:ShortWindowSeconds", Fmt(signals.Mvr.ShortWindowSeconds),
                $"must be less than {path}:Mvr:LongWindowSeconds ({Fmt(signals.Mvr.LongWindowSeconds)})"));
        }

        RegimeSignalOptions regime = signals.Regime;
        if (regime.LowVolBps >= regime.HighVolBps)
        {
            errors.Add(new ConfigurationError(path + ":Regime:LowVolBps", Fmt(regime.LowVolBps),
                $"must be less than {path}:Regime:HighVolBps ({Fmt(regime.HighVolBps)})"));
        }

        if (regime.HighVolBps >= regime.ExtremeVolBps)
        {
            errors.Add(new ConfigurationError(path + ":Regime:HighVolBps", Fmt(regime.HighVolBps),
                $"must be less than {path}:Regime:ExtremeVolBps ({Fmt(regime.ExtremeVolBps)})"));
        }

        return enabled;
    }

    private static void CheckFusion(SymbolScopedOptions scope, int enabledSignals, string prefix, List<ConfigurationError> errors)
    {
        FusionOptions fusion = scope.Fusion;
        if (enabledSignals > 0 && fusion.MinSignals > enabledSignals)
        {
            errors.Add(new ConfigurationError(prefix + ":Fusion:MinSignals", Fmt(fusion.MinSignals),
                $"must not exceed the number of enabled signals ({enabledSignals})"));
        }

        double cancel = scope.Routing.CancelWhenConfidenceBelow;
        if (cancel >= fusion.EnterConfidence)
        {
            errors.Add(new ConfigurationError(prefix + ":Routing:CancelWhenConfidenceBelow", Fmt(cancel),
                $"must be less than {prefix}:Fusion:EnterConfidence ({Fmt(fusion.EnterConfidence)})"));
        }
    }

    private static void CheckRisk(RiskOptions risk, string path, List<ConfigurationError> errors)
    {
        for (int i = 1; i < risk.DrawdownTiers.Count; i++)
        {
            DrawdownTierOptions previous = risk.DrawdownTiers[i - 1];
            DrawdownTierOptions tier = risk.DrawdownTiers[i];
            string tierPath = path + ":DrawdownTiers:" + i.ToString(CultureInfo.InvariantCulture);
            if (tier.DrawdownPct <= previous.DrawdownPct)
            {
                errors.Add(new ConfigurationError(tierPath + ":DrawdownPct", Fmt(tier.DrawdownPct),
                    $"drawdown tiers must be strictly increasing: must be greater than the previous tier's DrawdownPct ({Fmt(previous.DrawdownPct)})"));
            }

            if (tier.SizeMultiplier > previous.SizeMultiplier)
            {
                errors.Add(new ConfigurationError(tierPath + ":SizeMultiplier", Fmt(tier.SizeMultiplier),
                    $"a deeper drawdown tier must not size up: must be at most the previous tier's SizeMultiplier ({Fmt(previous.SizeMultiplier)})"));
            }
        }

        if (risk.PartialTakeProfit.Enabled && risk.PartialTakeProfit.AtRMultiple >= risk.RewardRisk)
        {
            errors.Add(new ConfigurationError(path + ":PartialTakeProfit:AtRMultiple", Fmt(risk.PartialTakeProfit.AtRMultiple),
                $"must be less than {path}:RewardRisk ({Fmt(risk.RewardRisk)}), or the full take-profit fills first"));
        }

        if (risk.Leverage < risk.EquityCapMultiple)
        {
            errors.Add(new ConfigurationError(path + ":Leverage", Fmt(risk.Leverage),
                $"must be at least {path}:EquityCapMultiple ({Fmt(risk.EquityCapMultiple)}), or the equity cap cannot be margined"));
        }

        if (risk.Stop.MinBps > risk.Stop.MaxBps)
        {
            errors.Add(new ConfigurationError(path + ":Stop:MinBps", Fmt(risk.Stop.MinBps),
                $"must be at most {path}:Stop:MaxBps ({Fmt(risk.Stop.MaxBps)})"));
        }
    }

    private static string Fmt(object value) => ValueFormatter.Format(value, secret: false);
}
