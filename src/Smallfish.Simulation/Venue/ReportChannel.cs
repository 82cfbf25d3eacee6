using Smallfish.Core.Domain;
using Smallfish.Simulation.Venue.Faults;
using Smallfish.Simulation.Venue.Latency;
using Smallfish.Simulation.Venue.Scheduling;

namespace Smallfish.Simulation.Venue;

/// <summary>
/// The venue's private stream to the engine: reports leave at match time and arrive after the response delay (plus
/// any injected delay), in the order they were produced (a later report never overtakes an earlier one).
/// </summary>
internal sealed class ReportChannel : ITimedSource
{
    private readonly SimulationTimeline _timeline;
    private readonly ILatencyModel _latency;
    private readonly VenueFaults _faults;
    private readonly TimedQueue<VenueReport> _queue = new();
    private long _lastDeliveryNs = long.MinValue;
    private IExecutionSink? _executions;
    private IFundingSink? _funding;

    public ReportChannel(SimulationTimeline timeline, ILatencyModel latency, VenueFaults faults)
    {
        _timeline = timeline;
        _latency = latency;
        _faults = faults;
        timeline.Register(this);
    }

    public int Pending => _queue.Count;

    public void Connect(IExecutionSink executions, IFundingSink? funding)
    {
        _executions = executions;
        _funding = funding;
    }

    public void Send(long matchNs, in VenueReport report)
    {
        long at = matchNs + _latency.ResponseLatencyNs(matchNs) + Math.Max(0, _faults.ExtraReportDelayNs);
        if (at < _lastDeliveryNs) at = _lastDeliveryNs;
        _lastDeliveryNs = at;
        _queue.Enqueue(_timeline.NextKey(at), report);
    }

    public bool TryPeek(out EventKey key) => _queue.TryPeekKey(out key);

    public void ReleaseNext()
    {
        var r = _queue.Dequeue();
        var sink = _executions ?? throw new InvalidOperationException("SimulatedVenue is not connected to an execution sink");
        switch (r.Kind)
        {
            case VenueReportKind.OrderUpdate:
                sink.OnOrderUpdate(r.Update);
                break;
            case VenueReportKind.Fill:
                sink.OnFill(r.Fill);
                break;
            default:
                _funding?.OnFunding(r.Funding);
                break;
        }
    }
}
