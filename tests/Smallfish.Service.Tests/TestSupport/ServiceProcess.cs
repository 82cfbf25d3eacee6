using System.Diagnostics;
using System.Text;

namespace Smallfish.Service.Tests.TestSupport;

/// <summary>The real <c>smallfish</c> executable (<c>dotnet smallfish.dll</c>) as a child process with a clean environment.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private static readonly string[] SeedVariables =
    [
        "BYBIT_API_KEY", "BYBIT_API_SECRET", "BINANCE_API_KEY", "BINANCE_API_SECRET", "BYBIT_TESTNET", "BINANCE_TESTNET", "AUTO_SYMBOLS",
        "TELEGRAM_BOT_TOKEN", "TELEGRAM_CHAT_ID", "SMTP_PASSWORD", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "INVOCATION_ID",
    ];

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string StandardOutput
    {
        get
        {
            lock (_stdout) return _stdout.ToString();
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>Starts <c>smallfish</c> with <paramref name="args"/> in <paramref name="directory"/>; the environment holds only what is given (plus the system's).</summary>
    public static ServiceProcess Start(ServiceDirectory directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(TestPaths.DotnetHost, [TestPaths.ServiceDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Root,
        };
        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("SMALLFISH_", StringComparison.OrdinalIgnoreCase) || SeedVariables.Contains(name)) start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in environment) start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var child = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._stdout, child._stdoutClosed, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._stderr, child._stderrClosed, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to completion (bounded) and returns the exit code.</summary>
    public static (int ExitCode, string StandardOutput, string StandardError) Run(ServiceDirectory directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using ServiceProcess process = Start(directory, environment, args);
        int code = process.WaitForExit(TimeSpan.FromSeconds(60));
        return (code, process.StandardOutput, process.StandardError);
    }

    /// <summary>Sends SIGTERM, as systemd does on stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.That(kill.ExitCode, Is.Zero, "kill -TERM failed");
    }

    /// <summary>SIGKILL: the process ends at once, with no graceful stop.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits (bounded) for the process and its output to end; fails the test if it does not exit.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"smallfish did not exit within {timeout.TotalSeconds} s; stdout: {StandardOutput} stderr: {StandardError}");
        }

        Task.WaitAll([_stdoutClosed.Task, _stderrClosed.Task], TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(StringBuilder buffer, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (buffer) buffer.AppendLine(line);
    }
}
