using System.Net;
using System.Text.Json;
using Smallfish.Monitoring.Server;
using Smallfish.Monitoring.Status;
using Spectre.Console;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>
/// The live terminal dashboard: polls a running service's <c>/status</c> (or an in-process <see cref="IStatusSource"/>)
/// every refresh interval and redraws with Spectre's live display, sized to the console at each frame. When a poll
/// fails it keeps showing the last snapshot with a notice saying how old it is. <see cref="RunAsync"/> returns
/// normally when its token is cancelled (wire Ctrl+C to it, e.g. with <see cref="ConsoleCancellation"/>).
/// </summary>
public sealed class DashboardClient
{
    private readonly HttpClient? _http;
    private readonly Uri? _statusUri;
    private readonly IStatusSource? _source;
    private readonly IAnsiConsole _console;
    private readonly DashboardClientOptions _options;
    private readonly TimeProvider _time;
    private readonly DashboardRenderer _renderer;
    private StatusSnapshot? _last;
    private DateTimeOffset _lastAt;
    private int _frames;

    /// <summary>A dashboard over HTTP: <paramref name="statusUri"/> is the service's <c>/status</c> address.</summary>
    public DashboardClient(HttpClient http, Uri statusUri, IAnsiConsole console, DashboardClientOptions? options = null, TimeProvider? time = null)
        : this(console, options, time)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _statusUri = statusUri ?? throw new ArgumentNullException(nameof(statusUri));
    }

    /// <summary>A dashboard in the service's own process, reading <paramref name="source"/> directly.</summary>
    public DashboardClient(IStatusSource source, IAnsiConsole console, DashboardClientOptions? options = null, TimeProvider? time = null)
        : this(console, options, time)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
    }

    private DashboardClient(IAnsiConsole console, DashboardClientOptions? options, TimeProvider? time)
    {
        _console = console ?? throw new ArgumentNullException(nameof(console));
        _options = options ?? new DashboardClientOptions();
        if (_options.RefreshInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), _options.RefreshInterval, "the refresh interval must be positive");
        _time = time ?? TimeProvider.System;
        _renderer = new DashboardRenderer(_options.FocusSymbol);
    }

    /// <summary>Test hook: called after each frame is drawn, once the wait for the next one is armed.</summary>
    internal Action<DashboardFrame>? FrameDrawn { get; set; }

    /// <summary>Polls and redraws until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return;
        var first = new DashboardFrame(0, null, "connecting" + (_statusUri is null ? "" : " to " + _statusUri.Authority));
        await _console.Live(Render(first))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Crop)
            .Cropping(VerticalOverflowCropping.Bottom)
            .StartAsync(async live =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    DashboardFrame frame;
                    try
                    {
                        frame = await PollAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    live.UpdateTarget(Render(frame));
                    live.Refresh();
                    Task wait = Task.Delay(_options.RefreshInterval, _time, cancellationToken);
                    FrameDrawn?.Invoke(frame);
                    try
                    {
                        await wait.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }
                }
            }).ConfigureAwait(false);
    }

    /// <summary>One poll: the snapshot to show and any notice about it.</summary>
    internal async Task<DashboardFrame> PollAsync(CancellationToken cancellationToken)
    {
        int index = ++_frames;
        string? problem;
        try
        {
            (StatusSnapshot? snapshot, problem) = _source is not null ? ReadSource() : await FetchAsync(cancellationToken).ConfigureAwait(false);
            if (snapshot is not null)
            {
                _last = snapshot;
                _lastAt = _time.GetUtcNow();
                return new DashboardFrame(index, snapshot, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = "status request timed out";
        }
        catch (HttpRequestException ex)
        {
            problem = $"cannot reach {_statusUri!.Authority} ({ex.HttpRequestError})";
        }
        catch (JsonException)
        {
            problem = "status document unreadable";
        }

        if (_last is not null)
        {
            long ageMs = (long)(_time.GetUtcNow() - _lastAt).TotalMilliseconds;
            problem += ", showing data from " + Fmt.Duration(ageMs) + " ago";
        }
        return new DashboardFrame(index, _last, problem);
    }

    private (StatusSnapshot? Snapshot, string? Problem) ReadSource()
    {
        try
        {
            StatusSnapshot? snapshot = _source!.GetSnapshot();
            return (snapshot, snapshot is null ? "no snapshot yet" : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's text is not shown: it could carry anything.
            return (null, "status source failed (" + ex.GetType().Name + ")");
        }
    }

    private async Task<(StatusSnapshot? Snapshot, string? Problem)> FetchAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using HttpResponseMessage response = await _http!.GetAsync(_statusUri, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return (null, "service up, no snapshot yet");
        if (!response.IsSuccessStatusCode) return (null, $"status endpoint answered {(int)response.StatusCode}");
        await using Stream body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        return (await StatusJson.DeserializeAsync(body, linked.Token).ConfigureAwait(false), null);
    }

    private Spectre.Console.Rendering.IRenderable Render(DashboardFrame frame)
    {
        // One row short of the console so the live display never scrolls it.
        int width = _console.Profile.Width, height = Math.Max(1, _console.Profile.Height - 1);
        try
        {
            return _renderer.Render(frame.Snapshot, width, height, frame.Notice);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Text("dashboard could not draw this snapshot (" + ex.GetType().Name + ")");
        }
    }
}
