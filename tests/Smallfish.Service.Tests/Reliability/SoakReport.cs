using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Smallfish.Core.Domain;
using Smallfish.Emulator;
using Smallfish.Persistence.Reading;
using Smallfish.Service.Tests.TestSupport;
using Smallfish.Simulation.Venue.Positions;

namespace Smallfish.Service.Tests.Reliability;

/// <summary>
/// What a soak run did and what its end state says: faults and restarts, the emulator's records (every order across
/// all restarts, every execution with its time) next to the service's journal, and the figures the invariants compare.
/// </summary>
internal sealed class SoakReport
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public int Seconds { get; init; }

    public int Seed { get; init; }

    public long ElapsedMs { get; init; }

    public int Restarts { get; init; }

    public SortedDictionary<string, int> Faults { get; init; } = new();

    public int VenueOrders { get; init; }

    public int VenueExecutions { get; init; }

    public int EntryFills { get; init; }

    /// <summary>Executions of entry orders (by the role in the client id).</summary>
    public static int EntryFillsOf(IEnumerable<EmulatedExecution> executions) =>
        executions.Count(e => TradingVenue.RoleOf(e.ClientOrderId) == OrderRole.Entry);

    public List<string> DuplicateCreates { get; init; } = new();

    public List<string> JournalIds { get; init; } = new();

    public List<string> VenueOrdersMissingFromJournal { get; init; } = new();

    public List<string> FillMismatches { get; init; } = new();

    public long JournalNetLots { get; init; }

    public long VenueNetLots { get; init; }

    public decimal ExpectedBalance { get; init; }

    public decimal VenueBalance { get; init; }

    public decimal FundingPaid { get; init; }

    public long LongestNakedMs { get; init; }

    public string Decisions { get; init; } = "";

    public long MaxRssBytes { get; init; }

    public long RssGrowthBytes { get; init; }

    [JsonIgnore]
    public IReadOnlyList<EmulatedExecution> Executions { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<EmulatedOrderInfo> Orders { get; init; } = [];

    public static SoakReport Build(TradingVenue venue, string db, SortedDictionary<string, int> faults, int restarts, int seconds, int seed, SoakMonitor monitor, long elapsedMs)
    {
        VenueEmulator emulator = venue.Emulator;
        var orders = emulator.AllOrders().Where(o => o.Symbol == venue.Symbol).ToList();
        var executions = emulator.Executions().Where(e => e.Symbol == venue.Symbol).ToList();
        using JournalReader journal = JournalReader.Open(db);
        var journalOrders = journal.ReadOrders();
        var journalFills = journal.ReadAllFills().Where(f => f.Symbol == venue.Symbol).ToList();
        string decisions = string.Join(", ", journal.ReadDecisions(0, long.MaxValue).GroupBy(d => d.Gate).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}={g.Count()}"));
        var journalIds = journalOrders.Select(o => o.Request.ClientOrderId).ToList();
        var known = new HashSet<string>(journalIds, StringComparer.Ordinal);

        var venueFilled = executions.GroupBy(e => e.ClientOrderId).ToDictionary(g => g.Key, g => g.Sum(e => e.QtyLots), StringComparer.Ordinal);
        var journalFilled = journalFills.GroupBy(f => f.ClientOrderId).ToDictionary(g => g.Key, g => g.Sum(f => f.QtyLots), StringComparer.Ordinal);
        var mismatches = venueFilled.Keys.Union(journalFilled.Keys)
            .Select(id => (id, v: venueFilled.GetValueOrDefault(id), j: journalFilled.GetValueOrDefault(id)))
            .Where(x => x.v != x.j).Select(x => $"{x.id}: venue {x.v} lots, journal {x.j} lots").ToList();

        // Realized P&L of the journal's fills (average cost, the venue's convention), in fill order.
        var position = new NetPosition();
        decimal realizedTicksLots = 0, fees = 0;
        long net = 0;
        foreach (Fill f in journalFills.OrderBy(f => f.TsNs))
        {
            realizedTicksLots += position.Apply(f.Side, f.PriceTicks, f.QtyLots);
            fees += f.Fee;
            net += f.Side == Side.Buy ? f.QtyLots : -f.QtyLots;
        }

        decimal start = emulator.Options.InitialBalance;
        decimal funding = emulator.FundingPaid;
        long growth = 0;
        foreach (var group in monitor.Rss.GroupBy(r => r.Process))
        {
            var settled = group.Where(r => r.ElapsedMs >= 10_000).ToList();
            if (settled.Count > 1) growth = Math.Max(growth, settled.Max(r => r.RssBytes) - settled[0].RssBytes);
        }

        return new SoakReport
        {
            Seconds = seconds,
            Seed = seed,
            ElapsedMs = elapsedMs,
            Restarts = restarts,
            Faults = faults,
            VenueOrders = orders.Count,
            VenueExecutions = executions.Count,
            EntryFills = EntryFillsOf(executions),
            DuplicateCreates = orders.Where(o => emulator.DuplicateCreates(o.ClientOrderId) > 0 || emulator.OrderCreates(o.ClientOrderId) > 2)
                .Select(o => $"{o.ClientOrderId} x{emulator.OrderCreates(o.ClientOrderId)} ({emulator.DuplicateCreates(o.ClientOrderId)} refused as duplicates)").ToList(),
            JournalIds = journalIds,
            VenueOrdersMissingFromJournal = orders.Where(o => !known.Contains(o.ClientOrderId)).Select(o => $"{o.ClientOrderId} ({o.Role}, {o.Status})").ToList(),
            FillMismatches = mismatches,
            JournalNetLots = net,
            VenueNetLots = emulator.GetPosition(venue.Symbol).NetLots,
            ExpectedBalance = start + realizedTicksLots * venue.Spec.TickSize * venue.Spec.QtyStep - fees - funding,
            VenueBalance = emulator.WalletBalance,
            FundingPaid = funding,
            LongestNakedMs = monitor.LongestNakedMs,
            Decisions = decisions,
            MaxRssBytes = monitor.MaxRssBytes,
            RssGrowthBytes = growth,
            Executions = executions,
            Orders = orders,
        };
    }

    /// <summary>
    /// Entry fills (emulator records) with no stop on the closing side accepted by the venue within
    /// <paramref name="limitMs"/> of the fill, or of the next READY when the service was down at the fill or was killed
    /// within the limit after it.
    /// </summary>
    public List<string> UnprotectedFills(IReadOnlyList<(long From, long To)> readyWindows, long limitMs)
    {
        var result = new List<string>();
        var stops = Orders.Where(o => o.Role == OrderRole.StopLoss).ToList();
        foreach (EmulatedExecution e in Executions.Where(e => TradingVenue.RoleOf(e.ClientOrderId) == OrderRole.Entry))
        {
            // Up at the fill and still up a limit later: within the limit of the fill. Down at the fill, or killed within the
            // limit after it (the process that saw the fill cannot place its stop): within the limit of the next READY.
            long next = readyWindows.Where(w => w.From > e.TimeMs).Select(w => w.From).DefaultIfEmpty(0).Min();
            long deadline;
            if (readyWindows.Any(w => e.TimeMs >= w.From && (e.TimeMs + limitMs <= w.To || next == 0))) deadline = e.TimeMs + limitMs;
            else if (next > 0) deadline = next + limitMs;
            else continue;
            long entryCreated = Orders.FirstOrDefault(o => o.ClientOrderId == e.ClientOrderId)?.CreatedMs ?? e.TimeMs;
            Side closing = e.Side == Side.Buy ? Side.Sell : Side.Buy;
            bool stopped = stops.Any(s => s.Side == closing && s.CreatedMs >= entryCreated - 60_000 && s.CreatedMs <= deadline);
            if (!stopped) result.Add($"{e.ClientOrderId} filled {e.QtyLots} lots at {e.TimeMs}: no stop by {deadline}");
        }

        return result;
    }

    public string ToText()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"soak: {Seconds} s planned, {ElapsedMs} ms run, seed {Seed}, SIGKILL restarts {Restarts}\n");
        b.Append("faults injected:");
        foreach ((string kind, int n) in Faults) b.Append(CultureInfo.InvariantCulture, $" {kind}={n}");
        b.Append(CultureInfo.InvariantCulture, $" (total {Faults.Values.Sum()})\n");
        b.Append(CultureInfo.InvariantCulture, $"venue: {VenueOrders} orders, {VenueExecutions} executions ({EntryFills} entry fills), position {VenueNetLots} lots, balance {VenueBalance}\n");
        b.Append(CultureInfo.InvariantCulture, $"journal: {JournalIds.Count} orders, position {JournalNetLots} lots, expected balance {ExpectedBalance} (funding {FundingPaid})\n");
        b.Append(CultureInfo.InvariantCulture, $"journal decisions by gate: {Decisions}\n");
        b.Append(CultureInfo.InvariantCulture, $"longest unprotected stretch while up: {LongestNakedMs} ms; max RSS {MaxRssBytes / (1 << 20)} MiB, growth after warm-up {RssGrowthBytes / (1 << 20)} MiB\n");
        b.Append(CultureInfo.InvariantCulture, $"duplicates {DuplicateCreates.Count}, venue orders missing from journal {VenueOrdersMissingFromJournal.Count}, fill mismatches {FillMismatches.Count}\n");
        foreach (string s in DuplicateCreates.Concat(VenueOrdersMissingFromJournal).Concat(FillMismatches).Take(20)) b.Append("  ").Append(s).Append('\n');
        return b.ToString();
    }
}
