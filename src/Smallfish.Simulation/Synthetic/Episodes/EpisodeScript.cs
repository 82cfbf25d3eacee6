using Smallfish.Core.Domain;
using Smallfish.Simulation.Synthetic.Engine;

namespace Smallfish.Simulation.Synthetic.Episodes;

/// <summary>
/// One injected episode: its parameters are drawn from its own random stream when the plan is made (so the label is
/// complete before the stream runs), then <see cref="Begin"/>, <see cref="Act"/> and <see cref="End"/> drive the market.
/// After <see cref="End"/> the generator clears the level guard and the background modulation.
/// </summary>
internal abstract class EpisodeScript
{
    private readonly Dictionary<string, double> _parameters = new(StringComparer.Ordinal);

    protected EpisodeScript(EpisodeKind kind, long startNs, double intensity, SyntheticRandom rng)
    {
        Kind = kind;
        StartNs = startNs;
        EndNs = startNs;
        Intensity = intensity;
        Rng = rng;
    }

    public EpisodeKind Kind { get; }

    /// <summary>Index of the episode's label; assigned when the plan is complete.</summary>
    public int Id { get; set; }

    public long StartNs { get; }

    public long EndNs { get; private set; }

    public double Intensity { get; }

    public int Direction { get; protected set; }

    public Side? ActiveSide { get; protected set; }

    public string? Regime { get; protected set; }

    /// <summary>Price the episode is anchored to once started (0 before).</summary>
    public long AnchorPriceTicks { get; protected set; }

    /// <summary>Time of the next <see cref="Act"/> call; <see cref="long.MaxValue"/> for none.</summary>
    public long NextActionNs { get; protected set; } = long.MaxValue;

    protected SyntheticRandom Rng { get; }

    protected IReadOnlyDictionary<string, double> Parameters => _parameters;

    /// <summary>Sets up the episode at its start time (modulation, guards, first action).</summary>
    public abstract void Begin(SyntheticMarket m);

    /// <summary>Performs the action due at <see cref="NextActionNs"/> and schedules the next one.</summary>
    public virtual void Act(SyntheticMarket m) => NextActionNs = long.MaxValue;

    /// <summary>Winds the episode down at its end time (pull what is left, a last move).</summary>
    public virtual void End(SyntheticMarket m)
    {
    }

    public EpisodeLabel ToLabel() =>
        new(Id, Kind, Direction, StartNs, EndNs, ActiveSide, Intensity, Regime, new Dictionary<string, double>(_parameters, StringComparer.Ordinal).AsReadOnly())
        {
            AnchorPriceTicks = AnchorPriceTicks,
        };

    protected void SetDurationMs(double ms) => EndNs = StartNs + Ns(ms);

    /// <summary>Moves the end up to the next multiple of <paramref name="grid"/> ns (the exchange-timestamp grid).</summary>
    public void AlignEnd(long grid) => EndNs = (EndNs + grid - 1) / grid * grid;

    protected void Param(string name, double value) => _parameters[name] = value;

    protected static long Ns(double ms) => (long)(ms * 1_000_000);

    protected static Side ToSide(int direction) => direction > 0 ? Side.Buy : Side.Sell;

    protected Side RandomSide() => Rng.Chance(0.5) ? Side.Buy : Side.Sell;

    protected static int SideIndex(Side side) => side == Side.Buy ? 0 : 1;

    /// <summary>Signed mid move since <paramref name="startMid2"/> in ticks, positive in <paramref name="direction"/>.</summary>
    protected static double MovedTicks(SyntheticMarket m, long startMid2, int direction) => (m.Mid2 - startMid2) * 0.5 * direction;
}
