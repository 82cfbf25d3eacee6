namespace Smallfish.Persistence.Journal;

/// <summary>What a queued journal item carries.</summary>
internal enum JournalItemKind : byte
{
    Decision,
    OrderSent,
    OrderUpdate,
    Fill,
    Trade,
    Equity,
    Shadow,
    State,
    Flush,
}

/// <summary>
/// One queued write. <see cref="Payload"/> is the record (<c>DecisionRecord</c>, <c>OrderRequest</c>, boxed
/// <c>OrderUpdate</c> or <c>Fill</c>, <c>TradeResult</c>, <c>EquitySnapshot</c>, <c>ShadowTrade</c>,
/// <c>EngineStateEntry</c>) or, for <see cref="JournalItemKind.Flush"/>, the TaskCompletionSource to complete.
/// </summary>
internal readonly record struct JournalItem(JournalItemKind Kind, object Payload, long TsNs = 0);
