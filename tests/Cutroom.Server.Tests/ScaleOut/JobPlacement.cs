using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cutroom.Server.Tests.ScaleOut;

/// <summary>
/// Where jobs ran, from the record: every claim (<c>queued → running</c> in <c>job_transitions</c>)
/// names the worker that took the job (<see cref="JobStore.TakenBy"/>: <c>taken by worker host:pid:random</c>).
/// Works for any job kind in the jobs table (<c>render</c>, <c>chat</c>, <c>render_chunk</c>), so "the
/// chunks of one render ran on both workers" is, with the render's job id <c>renderJobId</c> (a chunk's
/// external id is <c>&lt;render job id&gt;:&lt;attempt&gt;:&lt;index&gt;</c>),
/// <c>(await WorkerPidsAsync(db, JobKinds.RenderChunk, q => q.Where(j => j.ExternalId!.StartsWith(renderJobId + ":")))).Count == 2</c>.
/// Work the engine runs without a row of ours is found in the engine's own record instead
/// (<see cref="EngineWorkerPidsAsync"/>).
/// </summary>
public static class JobPlacement
{
    /// <summary>One start of a job.</summary>
    /// <param name="JobId">The job.</param>
    /// <param name="ExternalId">The client's id of it (a render id), if any.</param>
    /// <param name="Kind">Its kind.</param>
    /// <param name="WorkerId">The worker that took it (<c>host:pid:random</c>).</param>
    /// <param name="Pid">That worker's process id.</param>
    /// <param name="At">When (UTC).</param>
    public sealed record Start(string JobId, string? ExternalId, string Kind, string WorkerId, int Pid, DateTime At);

    /// <summary>Every start of a job of <paramref name="kind"/>, in the order they happened; <paramref name="which"/> narrows the jobs (by their rows) before reading.</summary>
    /// <param name="db">The shared database.</param>
    /// <param name="kind">A job kind (<see cref="JobKinds"/>).</param>
    /// <param name="which">Which jobs of the kind, e.g. <c>q => q.Where(j => ids.Contains(j.ExternalId))</c>; null: all.</param>
    public static async Task<IReadOnlyList<Start>> StartsAsync(CutroomDb db, string kind, Func<IQueryable<Data.Entities.JobRow>, IQueryable<Data.Entities.JobRow>>? which = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var jobs = db.Jobs.AsNoTracking().Where(j => j.Kind == kind);
        if (which is not null) jobs = which(jobs);
        var rows = await (from t in db.JobTransitions.AsNoTracking()
                          join j in jobs on t.JobId equals j.Id
                          where t.From == JobStates.Queued && t.To == JobStates.Running
                          orderby t.Id
                          select new { t.JobId, j.ExternalId, j.Kind, t.Reason, t.At }).ToListAsync();
        return [.. rows.Select(r =>
        {
            Assert.True(r.Reason?.StartsWith(JobStore.TakenByPrefix, StringComparison.Ordinal) == true, $"the start of {r.JobId} names no worker: '{r.Reason}'");
            var worker = r.Reason![JobStore.TakenByPrefix.Length..];
            return new Start(r.JobId, r.ExternalId, r.Kind, worker, PidOf(worker), r.At);
        })];
    }

    /// <summary>The worker processes (their pids) that started jobs of <paramref name="kind"/> (narrowed by <paramref name="which"/>).</summary>
    /// <param name="db">The shared database.</param>
    /// <param name="kind">A job kind.</param>
    /// <param name="which">Which jobs of the kind; null: all.</param>
    public static async Task<IReadOnlySet<int>> WorkerPidsAsync(CutroomDb db, string kind, Func<IQueryable<Data.Entities.JobRow>, IQueryable<Data.Entities.JobRow>>? which = null) =>
        (await StartsAsync(db, kind, which)).Select(s => s.Pid).ToHashSet();

    /// <summary>The process id in a worker id <c>host:pid:random</c>.</summary>
    /// <param name="workerId">A worker id.</param>
    public static int PidOf(string workerId) =>
        int.Parse((workerId ?? throw new ArgumentNullException(nameof(workerId))).Split(':')[1], CultureInfo.InvariantCulture);

    /// <summary>
    /// The worker processes (their pids) on which the job engine (Hangfire on PostgreSQL, schema
    /// <c>hangfire</c>) started jobs of the method <paramref name="method"/> (its C# name, e.g.
    /// <c>RunNextAsync</c>) whose arguments contain <paramref name="argument"/> (null: any): from each
    /// job's <c>Processing</c> states, whose <c>ServerId</c> is the server's name <c>host:pid:random:lane</c>
    /// plus the engine's <c>:guid</c>. Finished jobs stay readable until the engine expires them (a day).
    /// </summary>
    /// <param name="connectionString">The shared database.</param>
    /// <param name="method">The method name in the job's invocation data.</param>
    /// <param name="argument">A string the job's serialized arguments contain, or null.</param>
    public static async Task<IReadOnlySet<int>> EngineWorkerPidsAsync(string connectionString, string method, string? argument = null)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT j.invocationdata::text, j.arguments::text, s.data::text FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id WHERE s.name = 'Processing'", conn);
        var pids = new HashSet<int>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var invocation = JsonDocument.Parse(reader.GetString(0));
            // The method under "m" (the engine's compact payload, compatibility level 1.7 and later) or "Method".
            var named = invocation.RootElement.TryGetProperty("m", out var m) ? m : invocation.RootElement.GetProperty("Method");
            if (named.GetString() != method) continue;
            if (argument is not null && !(reader.IsDBNull(1) ? "" : reader.GetString(1)).Contains(argument, StringComparison.Ordinal)) continue;
            using var data = JsonDocument.Parse(reader.GetString(2));
            pids.Add(PidOf(data.RootElement.GetProperty("ServerId").GetString()!));
        }
        return pids;
    }
}
