using System.Globalization;
using Smallfish.Remote.Charts;

namespace Smallfish.Remote.Handling;

/// <summary>
/// The standard <see cref="IRemoteCommandHandler"/>: reads snapshots from an <see cref="IRemoteViewSource"/>, formats
/// them with <see cref="RemoteTextFormatter"/> and renders <c>/equity</c> with <see cref="PngChart"/>.
/// </summary>
public sealed class ViewRemoteCommandHandler : IRemoteCommandHandler
{
    private readonly IRemoteViewSource _source;
    private readonly RemoteTextFormatter _formatter;
    private readonly EquityChartOptions _chart;

    /// <summary>Creates the handler over <paramref name="source"/>.</summary>
    public ViewRemoteCommandHandler(IRemoteViewSource source, RemoteTextFormatter? formatter = null, EquityChartOptions? chart = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _formatter = formatter ?? new RemoteTextFormatter();
        _chart = chart ?? new EquityChartOptions();
    }

    /// <inheritdoc />
    public ValueTask<RemoteReply> GetStatusAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_formatter.FormatStatus(_source.GetStatus()));

    /// <inheritdoc />
    public ValueTask<RemoteReply> GetTradesAsync(int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_formatter.FormatTrades(_source.GetRecentTrades(count)));

    /// <inheritdoc />
    public ValueTask<RemoteReply> GetEquityAsync(CancellationToken cancellationToken)
    {
        var curve = _source.GetEquityCurve();
        if (curve.Count < 2) return ValueTask.FromResult(RemoteReply.Plain("No equity history yet.", "Equity"));
        var values = new double[curve.Count];
        for (int i = 0; i < values.Length; i++) values[i] = curve[i];
        var png = PngChart.EquityCurve(values, _chart);
        double first = values[0], last = values[^1];
        var change = last - first;
        var pct = first != 0 ? change / first * 100 : 0;
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"Equity {first:0.00} -> {last:0.00} ({change:+0.00;-0.00;0.00}, {pct:+0.00;-0.00;0.00} %) over {values.Length} samples");
        return ValueTask.FromResult(RemoteReply.Photo(png, caption));
    }

    /// <inheritdoc />
    public ValueTask<RemoteReply> GetGridAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_formatter.FormatGrid(_source.GetGrid()));

    /// <inheritdoc />
    public ValueTask<RemoteReply> GetConfigAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_formatter.FormatConfig(_source.GetConfig()));

    /// <inheritdoc />
    public async ValueTask<RemoteReply> KillAsync(RemoteRequester requester, CancellationToken cancellationToken)
    {
        var changed = await _source.RequestKillSwitchAsync(requester, cancellationToken).ConfigureAwait(false);
        return RemoteReply.Plain(changed
            ? "Kill switch triggered: no new entries. Send /resume to trade again."
            : "Kill switch was already on.");
    }

    /// <inheritdoc />
    public async ValueTask<RemoteReply> ResumeAsync(RemoteRequester requester, CancellationToken cancellationToken)
    {
        var changed = await _source.RequestResumeAsync(requester, cancellationToken).ConfigureAwait(false);
        return RemoteReply.Plain(changed ? "Kill switch reset: trading resumes." : "Kill switch was not on; nothing to resume.");
    }
}
