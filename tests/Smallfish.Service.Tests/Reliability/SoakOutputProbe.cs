using System.Globalization;
using System.Text;
using Smallfish.Core.Time;
using Smallfish.Remote.Tests.TestSupport;
using Smallfish.Service.Tests.TestSupport;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// The soak's outside observer: the service runs with its status endpoint, file logs and Telegram (a fake Bot API on
/// 127.0.0.1) switched on; in the background this probe reads <c>/status</c>, <c>/health</c> and <c>/metrics</c> and
/// sends an operator command every couple of seconds, across every restart. At the end every output the service
/// produced (console, log files, status documents, Telegram replies, the journal file) is scanned for the secrets.
/// </summary>
internal sealed class SoakOutputProbe : IAsyncDisposable
{
    /// <summary>The chat the operator commands come from (the only allowed one).</summary>
    public const long OwnerChat = 777_001;

    private static readonly string[] s_commands = ["/status", "/trades 5", "/config", "/help", "/grid"];
    private readonly FakeTelegramServer _telegram;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly List<string> _statusBodies = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _commands;

    private SoakOutputProbe(FakeTelegramServer telegram, int statusPort)
    {
        _telegram = telegram;
        StatusPort = statusPort;
    }

    /// <summary>The status endpoint's port (free when the probe was made).</summary>
    public int StatusPort { get; }

    /// <summary>The bot token the service is given (its secret part must never come out).</summary>
    public static string BotToken => FakeTelegramServer.Token;

    /// <summary>Status documents read (any endpoint, any process).</summary>
    public int StatusReads { get { lock (_statusBodies) return _statusBodies.Count; } }

    /// <summary>Operator commands sent.</summary>
    public int CommandsSent => Volatile.Read(ref _commands);

    /// <summary>Messages the service sent to the operator's chat.</summary>
    public int Replies => _telegram.Sent("sendMessage").Count(r => r.ChatId == OwnerChat);

    /// <summary>Starts the fake Bot API and picks a free port for the status endpoint.</summary>
    public static async Task<SoakOutputProbe> StartAsync()
    {
        var telegram = await FakeTelegramServer.StartAsync(new SimulatedClock(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L));
        return new SoakOutputProbe(telegram, ServiceDirectory.FreePort());
    }

    /// <summary>The service settings that switch the observed outputs on.</summary>
    public IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("Status:Enabled", "true"),
        ("Status:Port", StatusPort.ToString(CultureInfo.InvariantCulture)),
        ("Service:FileLogs", "true"),
        ("Telegram:Enabled", "true"),
        ("Telegram:AllowedChatIds:0", OwnerChat.ToString(CultureInfo.InvariantCulture)),
        ("Telegram:ApiBaseUrl", _telegram.BaseAddress.ToString()),
        ("Telegram:PollTimeoutSeconds", "1"),
    ];

    /// <summary>Starts reading the status endpoint and sending commands every <paramref name="periodMs"/> ms.</summary>
    public void Start(int periodMs = 2000) => _loop = Task.Run(() => LoopAsync(periodMs, _stop.Token));

    private async Task LoopAsync(int periodMs, CancellationToken ct)
    {
        string[] paths = ["/status", "/health", "/metrics"];
        int i = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                string body = await _http.GetStringAsync($"http://127.0.0.1:{StatusPort}{paths[i % paths.Length]}", ct).ConfigureAwait(false);
                lock (_statusBodies) _statusBodies.Add(body);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // the service is down (killed, starting) or slow: the next round tries again
            }

            _telegram.EnqueueMessage(OwnerChat, s_commands[i % s_commands.Length], date: DateTimeOffset.UtcNow);
            Interlocked.Increment(ref _commands);
            i++;
            try
            {
                await Task.Delay(periodMs, ct).ConfigureAwait(false);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops the background loop.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }

    /// <summary>
    /// Every place a secret was found: each of <paramref name="secrets"/> searched in the console outputs, the status
    /// documents, every Telegram request body the service made (texts, captions, forms) and every file under
    /// <paramref name="dataDirectory"/> (log files, the journal). Empty when none leaked.
    /// </summary>
    public IReadOnlyList<string> FindSecrets(IEnumerable<(int Process, string Output)> consoles, string dataDirectory, IReadOnlyList<string> secrets)
    {
        var found = new List<string>();
        void Look(string where, string text)
        {
            foreach (string secret in secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal)) found.Add($"{where} holds a secret ({secret.Length} chars)");
            }
        }

        foreach (var (process, output) in consoles) Look($"console of process {process}", output);
        lock (_statusBodies)
        {
            for (int i = 0; i < _statusBodies.Count; i++) Look($"status document #{i}", _statusBodies[i]);
        }

        foreach (RecordedRequest request in _telegram.Requests)
        {
            string body = (request.Json?.GetRawText() ?? "") + string.Join("&", request.Form.Select(p => p.Key + "=" + p.Value)) + (request.File is { } f ? Encoding.Latin1.GetString(f) : "");
            Look($"Telegram {request.Method}", body);
        }

        foreach (string file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            Look(Path.GetRelativePath(dataDirectory, file), Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }

        return found;
    }

    /// <summary>Bytes of log files written under <paramref name="dataDirectory"/> (proof the scan had something to read).</summary>
    public static long LogBytes(string dataDirectory)
    {
        string logs = Path.Combine(dataDirectory, "logs");
        return Directory.Exists(logs) ? Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
        _http.Dispose();
        await _telegram.DisposeAsync().ConfigureAwait(false);
    }
}
