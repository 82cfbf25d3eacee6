using Spectre.Console;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>The dashboard's styles.</summary>
internal static class Palette
{
    public static readonly Style Plain = Style.Plain;
    public static readonly Style Dim = new(foreground: Color.Grey);
    public static readonly Style Bold = new(decoration: Decoration.Bold);
    public static readonly Style Up = new(foreground: Color.Green);
    public static readonly Style UpBold = new(foreground: Color.Green, decoration: Decoration.Bold);
    public static readonly Style Down = new(foreground: Color.Red);
    public static readonly Style DownBold = new(foreground: Color.Red, decoration: Decoration.Bold);
    public static readonly Style Alarm = new(foreground: Color.White, background: Color.Red, decoration: Decoration.Bold);
    public static readonly Style Warn = new(foreground: Color.Yellow);
    public static readonly Style Price = new(foreground: Color.Aqua);
    public static readonly Style Entry = new(foreground: Color.Yellow);
    public static readonly Style Border = new(foreground: Color.Grey);
    public static readonly Style Title = new(foreground: Color.White, decoration: Decoration.Bold);
    public static readonly Style Inactive = new(foreground: Color.Grey35);
    public static readonly Style InactiveUp = new(foreground: Color.DarkGreen);
    public static readonly Style InactiveDown = new(foreground: Color.DarkRed);

    /// <summary>Green for zero and above, red below.</summary>
    public static Style Sign(decimal value) => value >= 0 ? Up : Down;

    /// <summary>Green for zero and above, red below.</summary>
    public static Style Sign(double value) => value >= 0 ? Up : Down;
}
