using Microsoft.Extensions.Logging;
using Smallfish.Core.Time;
using Smallfish.Remote.Handling;
using Smallfish.Remote.Telegram;
using Smallfish.Remote.Telegram.Client;

namespace Smallfish.Remote.Tests.TestSupport;

/// <summary>
/// The whole Telegram remote control (client, outbox, router, poller) against a <see cref="FakeTelegramServer"/> over
/// real loopback HTTP, with a simulated clock, a recording delay (no sleeps) and a capturing logger.
/// </summary>
internal sealed class TelegramHarness : IAsyncDisposable
{
    public const long OwnerChat = 123456789;
    public const long StrangerChat = 987654321;

    /// <summary>2026-01-01T00:00:05Z: just after the dates in the getUpdates fixture.</summary>
    public static readonly long StartNs = 1_767_225_605L * TimeProviderExtensions.NsPerSecond;

    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    private TelegramHarness(FakeTelegramServer server, SimulatedClock clock, TelegramBotOptions options, IRemoteCommandHandler handler)
    {
        Server = server;
        Clock = clock;
        Options = options;
        Delay = new RecordingDelay(clock);
        Http = new HttpClient();
        var factory = Logs.CreateFactory();
        Client = new TelegramBotClient(Http, options, clock, Delay, factory.CreateLogger<TelegramBotClient>(), new Random(7));
        Remote = new TelegramRemoteControl(Client, handler, options, clock, Delay, factory, new Random(11));
    }

    public FakeTelegramServer Server { get; }

    public SimulatedClock Clock { get; }

    public TelegramBotOptions Options { get; }

    public RecordingDelay Delay { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient Http { get; }

    public TelegramBotClient Client { get; }

    public TelegramRemoteControl Remote { get; }

    public static async Task<TelegramHarness> CreateAsync(IRemoteCommandHandler handler, Action<TelegramBotOptions>? configure = null)
    {
        var clock = new SimulatedClock(StartNs);
        var server = await FakeTelegramServer.StartAsync(clock);
        var options = new TelegramBotOptions
        {
            Enabled = true,
            BotToken = FakeTelegramServer.Token,
            ApiBaseAddress = server.BaseAddress,
            AllowedChatIds = [OwnerChat],
            PollTimeoutSeconds = 5,
            DropPendingUpdatesOnStart = false,
        };
        configure?.Invoke(options);
        return new TelegramHarness(server, clock, options, handler);
    }

    public void Start() => _running = Remote.RunAsync(_stop.Token);

    public Task Running => _running ?? Task.CompletedTask;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null) await _running.Within();
    }

    /// <summary>Every captured log line that mentions the token or its secret half.</summary>
    public IReadOnlyList<LogEntry> LogsMentioningToken(string token = FakeTelegramServer.Token)
    {
        var secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return Logs.Entries.Where(e => e.Everything.Contains(token, StringComparison.Ordinal) || e.Everything.Contains(secret, StringComparison.Ordinal)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        _stop.Dispose();
        await Server.DisposeAsync();
    }
}
