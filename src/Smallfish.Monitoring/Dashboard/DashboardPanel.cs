namespace Smallfish.Monitoring.Dashboard;

/// <summary>One quadrant's content: a title for its frame and a body drawn into a grid of exactly the inner size.</summary>
internal abstract class DashboardPanel
{
    /// <summary>The frame title (cut to fit).</summary>
    public abstract string Title(Glyphs glyphs, int maxWidth);

    /// <summary>Draws the body into <paramref name="grid"/> (with its <see cref="CellGrid.Glyphs"/>); must cope with any size, including zero.</summary>
    public abstract void Draw(CellGrid grid);
}
