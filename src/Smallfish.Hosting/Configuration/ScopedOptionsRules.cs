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

        void Less(string smallKey, double small, string largeKey, double large)
        {
            if (small < large) return;
            errors.Add(new ConfigurationError(path + ":" + smallKey, Fmt(small), $"must be less than {path}:{largeKey} ({Fmt(large)})"));
        }

        void AtMostOne(string key, double a, string otherKey, double b)
        {
            if (a + b <= 1.0 + WeightSumTolerance) return;
            errors.Add(new ConfigurationError(path + ":" + key, Fmt(a), $"plus {path}:{otherKey} ({Fmt(b)}) must not exceed 1"));
        }

        AtMostOne("Obi:RateOfChangeWeight", signals.Obi.RateOfChangeWeight, "Obi:MicroPriceWeight", signals.Obi.MicroPriceWeight);
        Less("Prt:UsualScore", signals.Prt.UsualScore, "Prt:FullScore", signals.Prt.FullScore);
        if (signals.Sweep.MinLevels > signals.Sweep.FullLevels)
        {
            errors.Add(new ConfigurationError(path + ":Sweep:MinLevels", Fmt(signals.Sweep.MinLevels),
                $"must not exceed {path}:Sweep:FullLevels ({Fmt(signals.Sweep.FullLevels)})"));
        }

        Less("Umom:MinMomentumSigma", signals.Umom.MinMomentumSigma, "Umom:FullMomentumSigma", signals.Umom.FullMomentumSigma);
        Less("Vwap:MinDeviationSigma", signals.Vwap.MinDeviationSigma, "Vwap:FullDeviationSigma", signals.Vwap.FullDeviationSigma);
        Less("Regime:HighRatio", signals.Regime.HighRatio, "Regime:ExtremeRatio", signals.Regime.ExtremeRatio);
        AtMostOne("Cvd:AccelerationWeight", signals.Cvd.AccelerationWeight, "Cvd:DivergenceWeight", signals.Cvd.DivergenceWeight);
        if (signals.Tps.MinBuySellRatio > signals.Tps.FullBuySellRatio)
        {
            errors.Add(new ConfigurationError(path + ":Tps:MinBuySellRatio", Fmt(signals.Tps.MinBuySellRatio),
                $"must not exceed {path}:Tps:FullBuySellRatio ({Fmt(signals.Tps.FullBuySellRatio)})"));
        }

        Less("Liq:ThickRatio", signals.Liq.ThickRatio, "Liq:UsualRatio", signals.Liq.UsualRatio);
        Less("Mvr:BreakoutRatio", signals.Mvr.BreakoutRatio, "Mvr:FullBreakoutRatio", signals.Mvr.FullBreakoutRatio);
        Less("Absorb:BaselineScore", signals.Absorb.BaselineScore, "Absorb:FullScore", signals.Absorb.FullScore);

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
