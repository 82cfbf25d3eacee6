using Smallfish.Monitoring.Status;

namespace Smallfish.Monitoring.Dashboard;

/// <summary>What one poll produced: the snapshot shown (possibly an older one) and a notice for the header.</summary>
/// <param name="Index">1 for the first frame.</param>
/// <param name="Snapshot">The snapshot drawn, or null when none has arrived.</param>
/// <param name="Notice">A problem to show (unreachable, timed out, no snapshot yet), or null.</param>
internal sealed record DashboardFrame(int Index, StatusSnapshot? Snapshot, string? Notice);
