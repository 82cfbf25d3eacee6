using Smallfish.Monitoring.Dashboard;

namespace Smallfish.Monitoring.Tests.TestSupport;

/// <summary>HTTP clients for the tests (the dashboard's own factory): direct to 127.0.0.1, or over a unix domain socket.</summary>
internal static class LoopbackHttp
{
    public static HttpClient Create(Uri baseAddress)
    {
        HttpClient http = StatusHttpClient.Create();
        http.BaseAddress = baseAddress;
        http.Timeout = TimeSpan.FromSeconds(30);
        return http;
    }

    public static HttpClient CreateForUnixSocket(string path)
    {
        HttpClient http = StatusHttpClient.CreateForUnixSocket(path);
        http.BaseAddress = new Uri("http://localhost");
        http.Timeout = TimeSpan.FromSeconds(30);
        return http;
    }
}
