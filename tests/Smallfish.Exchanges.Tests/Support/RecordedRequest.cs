namespace Smallfish.Exchanges.Tests.Support;

/// <summary>What a fake venue saw: method, path, raw query and body, arrival time and its verdict.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string Body, long ArrivalMs, bool Signed, bool SignatureValid, int Code);
