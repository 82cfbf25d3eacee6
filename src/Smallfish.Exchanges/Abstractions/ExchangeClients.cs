namespace Smallfish.Exchanges.Abstractions;

/// <summary>The REST and stream clients of one venue, built together so they share the server clock.</summary>
/// <param name="Exchange">Which venue.</param>
/// <param name="Rest">The REST client.</param>
/// <param name="Streams">The stream client.</param>
public sealed record ExchangeClients(ExchangeKind Exchange, IExchangeRestClient Rest, IExchangeStreamClient Streams) : IAsyncDisposable
{
    /// <summary>An HTTP client the factory created and must dispose (null when it came from IHttpClientFactory).</summary>
    internal HttpClient? OwnedHttpClient { get; init; }

    /// <summary>The user-data key client (Binance), or null.</summary>
    public IListenKeyClient? ListenKeys => Rest as IListenKeyClient;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Streams.DisposeAsync().ConfigureAwait(false);
        OwnedHttpClient?.Dispose();
    }
}
