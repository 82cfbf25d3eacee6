namespace Smallfish.Persistence.Schema;

/// <summary>
/// Every schema step the journal knows, oldest first. Never edit a released step: add a new one. A database whose
/// version is newer than the last step here was written by a newer Smallfish and is refused.
/// </summary>
public static class JournalMigrations
{
    /// <summary>All steps in version order.</summary>
    public static IReadOnlyList<JournalMigration> All { get; } = [V1()];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All[^1].Version;

    private static JournalMigration V1()
    {
        string scoreCols = string.Join(", ", JournalColumns.ScoreColumns.Select(c => c + " REAL"));
        string weightCols = string.Join(", ", JournalColumns.WeightColumns.Select(c => c + " REAL"));
        // Money (decimal) is stored as invariant TEXT so it stays exact; enums that people read are stored by name.
        string sql = $"""
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY,
                ts_ns INTEGER NOT NULL,
                symbol TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                direction INTEGER NOT NULL,
                confidence REAL,
                active_count INTEGER NOT NULL,
                agreeing_count INTEGER NOT NULL,
                {scoreCols},
                {weightCols},
                gate_code INTEGER NOT NULL,
                gate_name TEXT NOT NULL,
                action TEXT NOT NULL,
                price_ticks INTEGER NOT NULL,
                qty_lots INTEGER NOT NULL);
            CREATE INDEX ix_decisions_ts ON decisions (ts_ns);

            CREATE TABLE orders_sent (
                id INTEGER PRIMARY KEY,
                client_order_id TEXT NOT NULL UNIQUE,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                order_type TEXT NOT NULL,
                time_in_force TEXT NOT NULL,
                price_ticks INTEGER NOT NULL,
                qty_lots INTEGER NOT NULL,
                trigger_price_ticks INTEGER NOT NULL,
                reduce_only INTEGER NOT NULL,
                role TEXT NOT NULL,
                sent_ns INTEGER NOT NULL);

            CREATE TABLE order_updates (
                id INTEGER PRIMARY KEY,
                client_order_id TEXT NOT NULL,
                exchange_order_id TEXT,
                symbol TEXT NOT NULL,
                status TEXT NOT NULL,
                filled_lots INTEGER NOT NULL,
                avg_price_ticks TEXT NOT NULL,
                reject_reason TEXT NOT NULL,
                message TEXT,
                ts_ns INTEGER NOT NULL);
            CREATE INDEX ix_order_updates_order ON order_updates (client_order_id, id);

            CREATE TABLE fills (
                id INTEGER PRIMARY KEY,
                exec_id TEXT NOT NULL,
                client_order_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                price_ticks INTEGER NOT NULL,
                qty_lots INTEGER NOT NULL,
                fee TEXT NOT NULL,
                is_maker INTEGER NOT NULL,
                ts_ns INTEGER NOT NULL,
                UNIQUE (symbol, exec_id));
            CREATE INDEX ix_fills_order ON fills (client_order_id);

            CREATE TABLE trades (
                id INTEGER PRIMARY KEY,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                entry_price TEXT NOT NULL,
                exit_price TEXT NOT NULL,
                qty TEXT NOT NULL,
                gross_pnl TEXT NOT NULL,
                fees TEXT NOT NULL,
                funding TEXT NOT NULL,
                net_pnl TEXT NOT NULL,
                r_multiple REAL,
                mae_price TEXT NOT NULL,
                mfe_price TEXT NOT NULL,
                opened_ns INTEGER NOT NULL,
                closed_ns INTEGER NOT NULL,
                reason TEXT NOT NULL,
                slippage_ticks INTEGER NOT NULL);
            CREATE INDEX ix_trades_closed ON trades (closed_ns);

            CREATE TABLE equity (
                id INTEGER PRIMARY KEY,
                ts_ns INTEGER NOT NULL,
                equity TEXT NOT NULL,
                peak_equity TEXT NOT NULL,
                drawdown_pct REAL,
                open_positions INTEGER NOT NULL);
            CREATE INDEX ix_equity_ts ON equity (ts_ns);

            CREATE TABLE shadow_trades (
                id INTEGER PRIMARY KEY,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                gate_code INTEGER NOT NULL,
                gate_name TEXT NOT NULL,
                opened_ns INTEGER NOT NULL,
                closed_ns INTEGER NOT NULL,
                entry_price_ticks INTEGER NOT NULL,
                stop_ticks INTEGER NOT NULL,
                take_profit_ticks INTEGER NOT NULL,
                exit_price_ticks INTEGER NOT NULL,
                r_multiple REAL,
                confidence REAL,
                UNIQUE (symbol, side, opened_ns));
            CREATE INDEX ix_shadow_opened ON shadow_trades (opened_ns);

            CREATE TABLE engine_state (
                key TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_ns INTEGER NOT NULL);
            """;
        return new JournalMigration(1, "initial journal: decisions, orders, updates, fills, trades, equity, shadow trades, engine state", sql);
    }
}
