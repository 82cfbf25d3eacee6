using System.Globalization;
using System.Text;
using Smallfish.Remote.Email;

namespace Smallfish.Remote.Alerts;

/// <summary>Subjects and bodies of the alert mails (plain text, invariant culture, UTC times).</summary>
public static class AlertMessages
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The kill-switch mail.</summary>
    public static EmailMessage KillSwitch(string prefix, string reason, DateTimeOffset at, decimal? equity)
    {
        var body = new StringBuilder()
            .Append("The kill switch was triggered at ").Append(Utc(at)).Append(".\n")
            .Append("Reason: ").Append(string.IsNullOrWhiteSpace(reason) ? "(none given)" : reason.Trim()).Append('\n');
        if (equity is { } e) body.Append("Equity: ").Append(e.ToString("0.00", Inv)).Append('\n');
        body.Append('\n').Append("No new entries are opened until the kill switch is reset (/resume in Telegram).\n");
        return new EmailMessage($"{prefix} KILL SWITCH triggered: {OneLine(reason)}".Trim(), body.ToString());
    }

    /// <summary>The drawdown mail.</summary>
    public static EmailMessage Drawdown(string prefix, double drawdown, double threshold, decimal equity, decimal peak, DateTimeOffset at)
    {
        var body = new StringBuilder()
            .Append("Drawdown reached ").Append(Pct(drawdown)).Append(" at ").Append(Utc(at))
            .Append(", beyond the alert threshold of ").Append(Pct(threshold)).Append(".\n")
            .Append("Equity: ").Append(equity.ToString("0.00", Inv)).Append('\n')
            .Append("Peak equity: ").Append(peak.ToString("0.00", Inv)).Append('\n')
            .Append('\n').Append("This alert is sent once per crossing; it re-arms when the drawdown recovers.\n");
        return new EmailMessage($"{prefix} Drawdown {Pct(drawdown)} beyond {Pct(threshold)}".Trim(), body.ToString());
    }

    /// <summary>The daily summary mail.</summary>
    public static EmailMessage DailySummary(string prefix, DailySummaryView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var day = s.Day.ToString("yyyy-MM-dd", Inv);
        var pnl = s.NetPnl.ToString("+0.00;-0.00;0.00", Inv);
        var body = new StringBuilder()
            .Append("Smallfish daily summary for ").Append(day).Append(" (UTC)").Append(s.Profile.Length > 0 ? ", profile " + s.Profile : "").Append("\n\n")
            .Append("Net P&L:      ").Append(pnl).Append(' ').Append(s.Currency).Append('\n')
            .Append("Equity:       ").Append(s.StartEquity.ToString("0.00", Inv)).Append(" -> ").Append(s.EndEquity.ToString("0.00", Inv)).Append('\n')
            .Append("Fees:         ").Append(s.Fees.ToString("0.00", Inv)).Append('\n')
            .Append("Trades:       ").Append(s.Trades.ToString(Inv)).Append(" (").Append(s.Wins.ToString(Inv)).Append(" W / ").Append(s.Losses.ToString(Inv)).Append(" L)\n")
            .Append("Max drawdown: ").Append(Pct(s.MaxDrawdownFraction)).Append('\n')
            .Append("Kill switch:  ").Append(s.KillSwitchActive ? "ON" : "off").Append('\n');
        return new EmailMessage($"{prefix} Daily summary {day}: {pnl} {s.Currency}".Trim(), body.ToString());
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", Inv);

    private static string Pct(double fraction) => (fraction * 100).ToString("0.0", Inv) + " %";

    private static string OneLine(string text)
    {
        var t = (text ?? "").Replace('\r', ' ').Replace('\n', ' ').Trim();
        return t.Length > 80 ? t[..80] + "..." : t;
    }
}
