using Smallfish.Core.Configuration;
using Smallfish.Core.Signals;
using Smallfish.Core.Signals.Fusion;
using Smallfish.Core.Tests.Configuration;
using Smallfish.Core.Tests.Signals.Support;
using Smallfish.Hosting.Configuration;

namespace Smallfish.Core.Tests.Signals;

/// <summary>
/// The entry rule per profile, with the profiles' Fusion sections loaded from the repository's appsettings files:
/// min_signals agreeing and confidence at or above C_enter (conservative 5/0.58, balanced 4/0.55, aggressive 3/0.55,
/// ultra 3/0.52), on a warm, valid, calm book.
/// </summary>
public class FusionProfileTests
{
    private static readonly string[] Modes = ["conservative", "balanced", "aggressive", "ultra"];
    private static Dictionary<string, SmallfishOptions> s_profiles = null!;

    [OneTimeSetUp]
    public void LoadProfiles()
    {
        using var dir = new ConfigurationTestDirectory();
        s_profiles = Modes.ToDictionary(m => m, m => SmallfishConfiguration.Load(dir.Request(mode: m)).Options);
    }

    /// <summary>Fuses the given (signal, score) pairs, all active, with the profile's default weights.</summary>
    private static FusionResult Fuse(string mode, params (SignalId Id, double Score)[] active)
    {
        SmallfishOptions o = s_profiles[mode];
        var result = new FusionResult();
        foreach (var (id, score) in active)
        {
            result.Scores[(int)id] = score;
            result.Active[(int)id] = true;
        }
        var weights = new double[SignalIds.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = o.Signals.Get((SignalId)i).Weight;
        SignalFusion.Fuse(result, weights, FeatureKit.Calm(), VolatilityRegime.Normal, o.Fusion);
        return result;
    }

    [Test]
    public void Profiles_FusionThresholds_AreTheEngineeringNotesValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That((s_profiles["conservative"].Fusion.MinSignals, s_profiles["conservative"].Fusion.EnterConfidence), Is.EqualTo((5, 0.58)));
            Assert.That((s_profiles["balanced"].Fusion.MinSignals, s_profiles["balanced"].Fusion.EnterConfidence), Is.EqualTo((4, 0.55)));
            Assert.That((s_profiles["aggressive"].Fusion.MinSignals, s_profiles["aggressive"].Fusion.EnterConfidence), Is.EqualTo((3, 0.55)));
            Assert.That((s_profiles["ultra"].Fusion.MinSignals, s_profiles["ultra"].Fusion.EnterConfidence), Is.EqualTo((3, 0.52)));
        });
    }

    [TestCase("conservative", false)]
    [TestCase("balanced", false)]
    [TestCase("aggressive", true)]
    [TestCase("ultra", true)]
    public void Fuse_ThreeStrongAgreeingSignals_EntersOnlyWhereThreeAreEnough(string mode, bool enters)
    {
        FusionResult r = Fuse(mode, (SignalId.Obi, 0.9), (SignalId.Umom, 0.8), (SignalId.Cvd, 0.7));

        Assert.That(r.AgreeingCount, Is.EqualTo(3));
        Assert.That(r.Confidence, Is.GreaterThan(0.75));
        Assert.That(r.QualityOk, Is.True);
        Assert.That(r.WantsEntry, Is.EqualTo(enters));
    }

    [TestCase("conservative", false)]
    [TestCase("balanced", true)]
    [TestCase("aggressive", true)]
    [TestCase("ultra", true)]
    public void Fuse_FourAgreeingAtConfidence056_BelowConservativesCEnter(string mode, bool enters)
    {
        // Four agreeing at 0.56 each: confidence = 0.56 whatever the weights; five would still miss 0.58.
        FusionResult r = Fuse(mode, (SignalId.Obi, 0.56), (SignalId.Prt, 0.56), (SignalId.Umom, 0.56), (SignalId.Ltb, 0.56));

        Assert.That(r.Confidence, Is.EqualTo(0.56).Within(1e-12));
        Assert.That(r.WantsEntry, Is.EqualTo(enters));
    }

    [TestCase("conservative", false)]
    [TestCase("balanced", false)]
    [TestCase("aggressive", false)]
    [TestCase("ultra", true)]
    public void Fuse_ManyAgreeingAtConfidence053_OnlyUltrasCEnter(string mode, bool enters)
    {
        FusionResult r = Fuse(mode, (SignalId.Obi, -0.53), (SignalId.Prt, -0.53), (SignalId.Umom, -0.53), (SignalId.Ltb, -0.53),
            (SignalId.Cvd, -0.53), (SignalId.Liq, -0.53));

        Assert.That(r.Direction, Is.EqualTo(-1));
        Assert.That(r.AgreeingCount, Is.EqualTo(6));
        Assert.That(r.WantsEntry, Is.EqualTo(enters));
    }

    [TestCase("conservative", true)]
    [TestCase("balanced", true)]
    public void Fuse_FiveStrongAgreeing_EntersEvenInTheStrictProfiles(string mode, bool enters)
    {
        FusionResult r = Fuse(mode, (SignalId.Obi, 0.7), (SignalId.Prt, 0.6), (SignalId.Umom, 0.9), (SignalId.Ltb, 0.8), (SignalId.Absorb, 0.6));

        Assert.That(r.WantsEntry, Is.EqualTo(enters));
    }

    [Test]
    public void Fuse_EnoughSignalsButOneStrongOpponent_ConfidenceFallsBelowCEnter()
    {
        FusionResult r = Fuse("aggressive", (SignalId.Umom, 0.6), (SignalId.Cvd, 0.6), (SignalId.Tps, 0.6), (SignalId.Obi, -0.9));

        // fused = .15x.6 + .07x.6 + .05x.6 - .22x.9 = -0.036; the OBI alone outweighs: direction sell, one agreeing.
        Assert.That(r.FusedScore, Is.EqualTo(0.15 * 0.6 + 0.07 * 0.6 + 0.05 * 0.6 - 0.22 * 0.9).Within(1e-12));
        Assert.That(r.Direction, Is.EqualTo(-1));
        Assert.That(r.AgreeingCount, Is.EqualTo(1));
        Assert.That(r.WantsEntry, Is.False);
    }
}
