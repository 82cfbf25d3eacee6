using Smallfish.Core.Domain;
using Smallfish.Simulation.Backtesting.Statistics;

namespace Smallfish.Simulation.Backtesting.Runner;

/// <summary>
/// Sits between the venue's reports and the strategy: passes every order update, fill and funding payment on, and
/// measures per symbol what the statistics need from the venue's side: maker and taker fills, and the spans with a
/// position open (from the signed fill quantities, so exposure is what the venue held, not what the strategy believed).
/// </summary>
internal sealed class ExecutionTap : IExecutionSink, IFundingSink
{
    private readonly Dictionary<string, int> _ids;
    private readonly long[] _net;
    private readonly long[] _openedNs;
    private readonly List<ExposureInterval>[] _exposure;
    private IExecutionSink? _executions;
    private IFundingSink? _funding;

    public ExecutionTap(IReadOnlyList<string> symbols)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < symbols.Count; i++) _ids[symbols[i]] = i;
        _net = new long[symbols.Count];
        _openedNs = new long[symbols.Count];
        _exposure = new List<ExposureInterval>[symbols.Count];
        for (int i = 0; i < _exposure.Length; i++) _exposure[i] = new List<ExposureInterval>();
        MakerFills = new long[symbols.Count];
        TakerFills = new long[symbols.Count];
    }

    public long[] MakerFills { get; }

    public long[] TakerFills { get; }

    public void Connect(IExecutionSink executions, IFundingSink funding)
    {
        _executions = executions;
        _funding = funding;
    }

    public void OnOrderUpdate(in OrderUpdate update) => _executions!.OnOrderUpdate(update);

    public void OnFill(in Fill fill)
    {
        if (_ids.TryGetValue(fill.Symbol, out int id))
        {
            if (fill.IsMaker) MakerFills[id]++;
            else TakerFills[id]++;
            long before = _net[id];
            long after = before + (fill.Side == Side.Buy ? fill.QtyLots : -fill.QtyLots);
            _net[id] = after;
            if (before == 0 && after != 0) _openedNs[id] = fill.TsNs;
            else if (before != 0 && after == 0) _exposure[id].Add(new ExposureInterval(_openedNs[id], fill.TsNs));
        }
        _executions!.OnFill(fill);
    }

    public void OnFunding(in FundingPayment payment) => _funding!.OnFunding(payment);

    /// <summary>The exposure spans of symbol <paramref name="id"/>, a position still open at <paramref name="endNs"/> included.</summary>
    public IReadOnlyList<ExposureInterval> Exposure(int id, long endNs)
    {
        var spans = new List<ExposureInterval>(_exposure[id]);
        if (_net[id] != 0 && endNs > _openedNs[id]) spans.Add(new ExposureInterval(_openedNs[id], endNs));
        return spans;
    }

    /// <summary>True when symbol <paramref name="id"/> still has a position.</summary>
    public bool HasPosition(int id) => _net[id] != 0;
}
