using System.Globalization;
using Hangfire;

namespace Cutroom.Server.Operations;

/// <summary>
/// What the service's worker processes advertise (docs/operations.md, "Worker capacity"): every
/// worker process registers one job engine server per lane in the shared engine storage, named
/// <c>host:pid:random:lane</c> (the engine adds <c>:guid</c>), with its queues and its number of
/// workers, and renews a heartbeat every <see cref="Jobs.JobEngine.HeartbeatInterval"/>. This reads
/// that list (Hangfire's monitoring API, one query) from any process, the API's included, and keeps
/// the servers whose heartbeat is at most <see cref="LiveWithin"/> old: a killed worker drops out of
/// the count within that time.
/// </summary>
/// <param name="storage">The job engine's storage shared by the service.</param>
/// <param name="clock">The time.</param>
public sealed class WorkerCapacity(JobStorage storage, TimeProvider clock)
{
    /// <summary>How old a heartbeat may be for its server to count as alive: three heartbeats and a margin (35 s).</summary>
    public static readonly TimeSpan LiveWithin = Jobs.JobEngine.HeartbeatInterval * 3 + TimeSpan.FromSeconds(5);

    /// <summary>One worker process of the service.</summary>
    /// <param name="Id">Its worker id, <c>host:pid:random</c> (the id recorded on the jobs it takes; the engine writes the host in lower case).</param>
    /// <param name="Host">Its machine.</param>
    /// <param name="Pid">Its process id on that machine.</param>
    /// <param name="Workers">Engine workers per queue (<c>render</c>, <c>chat</c>, <c>render_chunk</c>, <c>system</c>): how many jobs of that queue it runs at once.</param>
    /// <param name="StartedAt">When its first engine server started (UTC).</param>
    /// <param name="HeartbeatAt">Its latest heartbeat (UTC).</param>
    public sealed record WorkerProcess(string Id, string Host, int Pid, IReadOnlyDictionary<string, int> Workers, DateTime StartedAt, DateTime HeartbeatAt);

    /// <summary>The live worker processes of the service, ordered by id.</summary>
    /// <exception cref="Exception">Whatever the engine's storage throws when the database cannot answer.</exception>
    public IReadOnlyList<WorkerProcess> Read()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = storage.GetMonitoringApi().Servers()
            .Where(s => s.Heartbeat is { } beat && now - Utc(beat) <= LiveWithin)
            .Select(s => (Parts: s.Name.Split(':'), Server: s))
            .Where(s => s.Parts.Length >= 4 && int.TryParse(s.Parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _));
        return [.. live
            .GroupBy(s => string.Join(':', s.Parts[..3]), StringComparer.Ordinal)
            .Select(g => new WorkerProcess(
                g.Key, g.First().Parts[0], int.Parse(g.First().Parts[1], CultureInfo.InvariantCulture),
                g.SelectMany(s => (s.Server.Queues ?? []).Select(q => (Queue: q, s.Server.WorkersCount)))
                    .GroupBy(q => q.Queue, StringComparer.Ordinal)
                    .ToDictionary(q => q.Key, q => q.Sum(x => x.WorkersCount), StringComparer.Ordinal),
                g.Min(s => Utc(s.Server.StartedAt)),
                g.Max(s => Utc(s.Server.Heartbeat!.Value))))
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>Engine workers per queue summed over <paramref name="processes"/>: the service's capacity, jobs of each queue it runs at once.</summary>
    /// <param name="processes">Worker processes (<see cref="Read"/>).</param>
    public static IReadOnlyDictionary<string, int> Total(IEnumerable<WorkerProcess> processes) =>
        (processes ?? throw new ArgumentNullException(nameof(processes)))
            .SelectMany(p => p.Workers)
            .GroupBy(w => w.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(w => w.Value), StringComparer.Ordinal);

    /// <summary>The engine stores UTC; a time read back without a kind is UTC, not local.</summary>
    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
