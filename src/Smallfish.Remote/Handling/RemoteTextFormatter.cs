using System.Globalization;
using System.Text;
using Smallfish.Core.Domain;

namespace Smallfish.Remote.Handling;

/// <summary>
/// The standard plain-text replies for <c>/status</c>, <c>/trades</c>, <c>/config</c> and <c>/grid</c>, built from the
/// view DTOs (which carry no secrets; <see cref="ConfigView.Extra"/> entries named like secrets are skipped).
/// Numbers use the invariant culture; P&amp;L is signed (<c>+12.40</c>) and trades get proportional bars
/// (<c>+12.40 ▇▇▇▇</c>). Output is plain text: the transport escapes it.
/// </summary>
public sealed class RemoteTextFormatter
{
    /// <summary>The bar character of P&amp;L bars.</summary>
    public const char BarChar = '▇';

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] SecretWords = ["key", "secret", "token", "password", "passwd", "pwd", "credential", "signature", "auth"];
    private readonly int _barWidth;

    /// <summary>Creates a formatter whose longest P&amp;L bar is <paramref name="barWidth"/> characters.</summary>
    public RemoteTextFormatter(int barWidth = 10)
    {
        if (barWidth < 1) throw new ArgumentOutOfRangeException(nameof(barWidth), barWidth, "must be at least 1");
        _barWidth = barWidth;
    }

    /// <summary>The <c>/status</c> reply.</summary>
    public RemoteReply FormatStatus(StatusView status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var sb = new StringBuilder();
        if (status.Mode.Length > 0) Row(sb, "Mode", status.Mode);
        Row(sb, "Exchange", $"{status.Exchange} ({(status.Testnet ? "testnet" : "live")})");
        Row(sb, "Profile", status.Profile);
        Row(sb, "Equity", $"{status.Equity.ToString("N2", Inv)} {status.Currency}");
        Row(sb, "Day P&L", $"{Signed(status.DayPnl)} {status.Currency}");
        Row(sb, "Drawdown", Percent(status.DrawdownFraction));
        Row(sb, "Regime", status.VolatilityRegime.Length == 0 ? "-" : status.VolatilityRegime);
        Row(sb, "Kill switch", status.KillSwitchActive ? "ON" + (string.IsNullOrEmpty(status.KillSwitchReason) ? "" : ": " + status.KillSwitchReason) : "off");
        Row(sb, "Trades", $"{status.TradesToday.ToString(Inv)} today ({status.WinsToday.ToString(Inv)} W / {status.LossesToday.ToString(Inv)} L)");
        Row(sb, "Orders", $"{status.WorkingOrders.ToString(Inv)} working");
        if (status.Positions.Count == 0)
        {
            Row(sb, "Positions", "none");
        }
        else
        {
            Row(sb, "Positions", status.Positions.Count.ToString(Inv));
            foreach (var p in status.Positions)
            {
                sb.Append("  ").Append(p.Symbol).Append(' ').Append(p.Side == Side.Buy ? "LONG " : "SHORT ")
                  .Append(p.Qty.ToString(Inv)).Append(" @ ").Append(p.EntryPrice.ToString(Inv))
                  .Append(" uPnL ").Append(Signed(p.UnrealizedPnl));
                if (p.MarkPrice is { } mark) sb.Append(" mark ").Append(mark.ToString(Inv));
                if (p.StopPrice is { } sl) sb.Append(" SL ").Append(sl.ToString(Inv));
                if (p.TakeProfitPrice is { } tp) sb.Append(" TP ").Append(tp.ToString(Inv));
                sb.Append('\n');
            }
        }
        Row(sb, "As of", status.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Inv));
        var title = status.KillSwitchActive ? "Smallfish status: KILL SWITCH ON" : "Smallfish status";
        return RemoteReply.Table(title, sb.ToString().TrimEnd('\n'));
    }

    /// <summary>The <c>/trades</c> reply: one line per trade with a P&amp;L bar, then the total.</summary>
    public RemoteReply FormatTrades(IReadOnlyList<TradeView> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        if (trades.Count == 0) return RemoteReply.Plain("No closed trades yet.", "Trades");
        decimal maxAbs = 0, total = 0;
        int wins = 0, losses = 0;
        foreach (var t in trades)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(t.NetPnl));
            total += t.NetPnl;
            if (t.NetPnl > 0) wins++;
            else if (t.NetPnl < 0) losses++;
        }
        var pnlWidth = 0;
        foreach (var t in trades) pnlWidth = Math.Max(pnlWidth, Signed(t.NetPnl).Length);
        var sb = new StringBuilder();
        foreach (var t in trades)
        {
            sb.Append(t.ClosedAt.UtcDateTime.ToString("HH:mm", Inv)).Append(' ')
              .Append(t.Symbol.PadRight(9)).Append(' ')
              .Append(t.Side == Side.Buy ? 'L' : 'S').Append(' ')
              .Append(Signed(t.NetPnl).PadLeft(pnlWidth)).Append(' ')
              .Append(PnlBar(t.NetPnl, maxAbs, _barWidth).PadRight(_barWidth)).Append(' ')
              .Append((t.RMultiple.ToString("+0.00;-0.00;0.00", Inv) + "R").PadLeft(7)).Append(' ')
              .Append(ReasonCode(t.Reason)).Append('\n');
        }
        sb.Append("Net ").Append(Signed(total)).Append(" over ").Append(trades.Count.ToString(Inv))
          .Append(trades.Count == 1 ? " trade: " : " trades: ").Append(wins.ToString(Inv)).Append(" W / ")
          .Append(losses.ToString(Inv)).Append(" L");
        return RemoteReply.Table($"Last {trades.Count.ToString(Inv)} trades", sb.ToString());
    }

    /// <summary>The <c>/config</c> reply.</summary>
    public RemoteReply FormatConfig(ConfigView config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sb = new StringBuilder();
        Row(sb, "Profile", config.Profile);
        Row(sb, "Exchange", $"{config.Exchange} ({(config.Testnet ? "testnet" : "live")})");
        Row(sb, "Symbols", config.Symbols.Count == 0 ? "-" : string.Join(", ", config.Symbols));
        Row(sb, "Risk/trade", Percent(config.RiskPerTradeFraction));
        Row(sb, "R:R", config.RewardToRisk.ToString("0.0#", Inv) + ":1");
        Row(sb, "Equity cap", config.EquityCapMultiple.ToString("0.##", Inv) + "x");
        Row(sb, "Daily loss", config.DailyLossLimitR.ToString("0.##", Inv) + " R");
        Row(sb, "Max DD", Percent(config.MaxDrawdownFraction));
        Row(sb, "Spread gate", config.SpreadGateTicks.ToString(Inv) + " ticks");
        Row(sb, "Latency gate", config.LatencyGateMs.ToString(Inv) + " ms");
        Row(sb, "Cooldown", config.CooldownAfterLoss.TotalSeconds.ToString("0.##", Inv) + " s");
        Row(sb, "Partial TP", config.PartialTakeProfit ? "yes" : "no");
        Row(sb, "Multigrid", config.MultigridEnabled ? "on" : "off");
        foreach (var (name, value) in config.Extra)
        {
            if (LooksSecret(name)) continue;
            Row(sb, name, value);
        }
        return RemoteReply.Table("Configuration", sb.ToString().TrimEnd('\n'));
    }

    /// <summary>The <c>/grid</c> reply.</summary>
    public RemoteReply FormatGrid(GridView grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!grid.Enabled) return RemoteReply.Plain("Multigrid is off.", "Grid");
        var sb = new StringBuilder();
        Row(sb, "Symbol", grid.Symbol);
        Row(sb, "Centre", grid.CenterPrice.ToString(Inv));
        Row(sb, "Bias", grid.Bias.ToString("+0.00;-0.00;0.00", Inv));
        Row(sb, "Realized", Signed(grid.RealizedPnl));
        Row(sb, "Levels", grid.Levels.Count.ToString(Inv));
        foreach (var level in grid.Levels)
        {
            sb.Append("  ").Append(level.Side == Side.Buy ? "BUY  " : "SELL ").Append(level.Price.ToString(Inv))
              .Append(" x ").Append(level.Qty.ToString(Inv)).Append(level.Filled ? " filled" : "").Append('\n');
        }
        return RemoteReply.Table("Grid", sb.ToString().TrimEnd('\n'));
    }

    /// <summary>
    /// A bar of <c>round(|pnl| / maxAbs x width)</c> blocks, at least one for a non-zero P&amp;L, none for zero.
    /// </summary>
    public static string PnlBar(decimal pnl, decimal maxAbsPnl, int width)
    {
        if (pnl == 0 || maxAbsPnl <= 0 || width < 1) return "";
        var ratio = Math.Min(1m, Math.Abs(pnl) / maxAbsPnl);
        var blocks = (int)Math.Round(ratio * width, MidpointRounding.AwayFromZero);
        return new string(BarChar, Math.Max(1, blocks));
    }

    /// <summary>An amount with an explicit sign and two decimals: <c>+12.40</c>, <c>-4.10</c>, <c>0.00</c>.</summary>
    public static string Signed(decimal value) => value.ToString("+0.00;-0.00;0.00", Inv);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", Inv) + " %";

    private static void Row(StringBuilder sb, string name, string value) => sb.Append(name.PadRight(12)).Append(' ').Append(value).Append('\n');

    private static bool LooksSecret(string name)
    {
        foreach (var word in SecretWords)
        {
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static string ReasonCode(ExitReason reason) => reason switch
    {
        ExitReason.TakeProfit => "TP",
        ExitReason.StopLoss => "SL",
        ExitReason.TrailingStop => "TRAIL",
        ExitReason.BreakEven => "BE",
        ExitReason.TimeStop => "TIME",
        ExitReason.KillSwitch => "KILL",
        ExitReason.Signal => "SIGNAL",
        ExitReason.Manual => "MANUAL",
        _ => reason.ToString(),
    };
}
