using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.ScaleOut;

/// <summary>
/// A whole service spread over processes on loopback, as docs/scale-out.md sets it up on three
/// machines: one PostgreSQL database (<see cref="PostgresDatabase"/>), one S3 store (a real
/// s3rver), one <c>cutroom serve --role api</c> and two <c>--role worker</c> processes, each with a
/// data folder of its own, all started from the CLI built beside the tests. Every worker carries a
/// process mark of its own (<see cref="MarkedProcesses"/>) so a test can find its ffmpeg. Leases and
/// recovery are short (6 s, every 2 s) so a killed worker's job moves within seconds.
/// </summary>
public sealed class ScaleOutService : IAsyncLifetime
{
    /// <summary>The operators' key of every process (for <c>/admin/workers</c>).</summary>
    public const string AdminKey = "scale-out-test-admin-key";

    private readonly List<TempDir> _folders = [];
    private readonly List<Worker> _workers = [];
    private S3rver? _s3;

    /// <summary>The shared database.</summary>
    public PostgresDatabase Database { get; private set; } = null!;

    /// <summary>The shared S3 store.</summary>
    public S3rver Store => _s3!;

    /// <summary>The API process.</summary>
    public ServeProcess Api { get; private set; } = null!;

    /// <summary>The worker processes started so far (a killed one stays in the list, <see cref="ServeProcess.HasExited"/>).</summary>
    public IReadOnlyList<Worker> Workers => _workers;

    /// <summary>The workers still running.</summary>
    public IReadOnlyList<Worker> LiveWorkers => [.. _workers.Where(w => !w.Process.HasExited)];

    /// <summary>A worker process and the mark its children carry.</summary>
    /// <param name="Process">The process.</param>
    /// <param name="Marks">Finds its processes (ffmpeg included) through /proc.</param>
    /// <param name="DataDir">Its own data folder (scratch copies of inputs).</param>
    public sealed record Worker(ServeProcess Process, MarkedProcesses Marks, string DataDir);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var s3 = S3rver.StartAsync();
        Database = await PostgresDatabase.CreateAsync();
        _s3 = await s3;
        // The API first: its start migrates the database (the others would wait on EF Core's lock anyway).
        Api = await ServeProcess.StartAsync(NewFolder(), Settings("api"), testDatabase: false);
        await Task.WhenAll(StartWorkerAsync(), StartWorkerAsync());
    }

    /// <summary>Starts another worker process on a data folder of its own.</summary>
    public async Task<Worker> StartWorkerAsync()
    {
        var marks = new MarkedProcesses();
        var dir = NewFolder();
        var env = Settings("worker");
        env[MarkedProcesses.Variable] = marks.Value;
        var worker = new Worker(await ServeProcess.StartAsync(dir, env, testDatabase: false), marks, dir);
        lock (_workers) _workers.Add(worker);
        return worker;
    }

    /// <summary>Starts workers until two run (after a test killed one).</summary>
    public async Task EnsureTwoWorkersAsync()
    {
        while (LiveWorkers.Count < 2) await StartWorkerAsync();
    }

    /// <summary>A new anonymous account with one session, through the API process (the signup credits, 100).</summary>
    public async Task<ApiClient> NewAccountAsync()
    {
        var clientId = Guid.NewGuid().ToString();
        var http = new HttpClient { BaseAddress = new Uri(Api.BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(5) };
        using (var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token"))
        {
            req.Headers.Add("X-Client-Id", clientId);
            using var res = await http.SendAsync(req);
            var token = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("token").GetString()!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var s = await http.PostAsJsonAsync("api/tasks/me/with-session/nemo_agent", new { task_name = "project", language = "en" });
        var sessionId = (await LiveServer.ReadEnvelopeAsync(s, 200)).GetProperty("session_id").GetString()!;
        return new ApiClient(http, http.DefaultRequestHeaders.Authorization!.Parameter!, clientId, sessionId);
    }

    /// <summary>Uploads <paramref name="path"/> through the API (into the S3 store) and returns its media id.</summary>
    public static async Task<string> UploadAsync(ApiClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var res = await Uploads.UploadKit.PostAsync(client, Uploads.UploadKit.FormOf(path));
        var files = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files");
        return files[0].GetProperty("media_id").GetString()!;
    }

    /// <summary>Opens the shared database directly (for checks on the job records).</summary>
    public CutroomDb OpenDb()
    {
        var b = new DbContextOptionsBuilder<CutroomDb>();
        Data.Database.Configure(b, new ServerOptions { Database = { Provider = "postgres", ConnectionString = Database.ConnectionString } });
        return new CutroomDb(b.Options);
    }

    /// <summary>Stops every process, then the store and the database.</summary>
    public async Task DisposeAsync()
    {
        foreach (var w in _workers) w.Process.Dispose();
        foreach (var w in _workers) MarkedProcesses.KillAll(w.Marks.Alive());
        Api?.Dispose();
        RenderKit.ReleaseDb();
        if (_s3 is not null) await _s3.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        foreach (var f in _folders) f.Dispose();
    }

    private string NewFolder()
    {
        var dir = new TempDir();
        lock (_folders) _folders.Add(dir);
        return dir.Path;
    }

    /// <summary>The settings of one process: its role, the shared database and store, short leases, one render, one chat and one chunk worker (workers queue a render's chunks as jobs: Render:ChunkJobs is auto).</summary>
    private Dictionary<string, string> Settings(string role) => new()
    {
        ["Cutroom__Role"] = role,
        ["Cutroom__AdminKey"] = AdminKey,
        ["Cutroom__Database__Provider"] = "postgres",
        ["Cutroom__Database__ConnectionString"] = Database.ConnectionString,
        ["Cutroom__Storage__Provider"] = "s3",
        ["Cutroom__Storage__ServiceUrl"] = _s3!.ServiceUrl,
        ["Cutroom__Storage__Bucket"] = S3rver.Bucket,
        ["Cutroom__Storage__AccessKey"] = S3rver.Key,
        ["Cutroom__Storage__SecretKey"] = S3rver.Key,
        ["Cutroom__Jobs__Concurrency"] = "1",
        ["Cutroom__Jobs__ChatConcurrency"] = "1",
        ["Cutroom__Jobs__ChunkConcurrency"] = "1",
        ["Cutroom__Jobs__LeaseTime"] = "00:00:06",
        ["Cutroom__Jobs__RecoveryInterval"] = "00:00:02",
        ["Cutroom__Jobs__PollInterval"] = "00:00:01",
    };
}
