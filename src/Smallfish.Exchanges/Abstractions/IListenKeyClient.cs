using Smallfish.Exchanges.Results;

namespace Smallfish.Exchanges.Abstractions;

/// <summary>
/// Binance user-data-stream key lifecycle (binance-usdm.md section 8): POST creates (or returns the active key and
/// extends it 60 min), PUT keeps alive (-1125 when the key is gone), DELETE closes. Bybit authenticates its private
/// stream with a signed message instead and has no such calls, so this is a separate interface.
/// </summary>
public interface IListenKeyClient
{
    /// <summary>POST /fapi/v1/listenKey.</summary>
    Task<ExchangeResult<string>> CreateListenKeyAsync(CancellationToken ct = default);

    /// <summary>PUT /fapi/v1/listenKey.</summary>
    Task<ExchangeResult<bool>> KeepAliveListenKeyAsync(CancellationToken ct = default);

    /// <summary>DELETE /fapi/v1/listenKey.</summary>
    Task<ExchangeResult<bool>> CloseListenKeyAsync(CancellationToken ct = default);
}
