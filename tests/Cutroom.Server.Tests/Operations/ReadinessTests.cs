using System.Text.Json;
using Cutroom.Server.Jobs;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Operations;

/// <summary><c>/readyz</c> (docs/operations.md): 200 when ready to take work, 503 naming the failed check.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_started_server_is_ready_without_a_token()
    {
        await using var server = await LiveServer.StartAsync();
        var (status, body) = await ReadyzAsync(server);
        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        var data = body.GetProperty("data");
        Assert.Equal("ready", data.GetProperty("status").GetString());
        foreach (var check in new[] { "database", "migrated", "storage", "jobs" })
            Assert.True(data.GetProperty(check).GetBoolean(), check);
        // The capacity it advertises: its engine's workers per queue.
        var workers = data.GetProperty("workers");
        Assert.Equal(server.Options.Jobs.Concurrency, workers.GetProperty("render").GetInt32());
        Assert.Equal(server.Options.Jobs.ChatConcurrency, workers.GetProperty("chat").GetInt32());
        Assert.Equal(server.Options.Jobs.ChunkConcurrency, workers.GetProperty(JobKinds.RenderChunk).GetInt32());
        Assert.Equal(1, workers.GetProperty("system").GetInt32());
    }

    [Fact]
    public async Task A_removed_database_makes_it_not_ready()
    {
        await using var server = await LiveServer.StartAsync();
        if (TestDatabase.IsPostgres) await TestDatabase.DropAsync(server.DataDir); // the server's PostgreSQL database is dropped
        else foreach (var f in Directory.EnumerateFiles(server.DataDir, "cutroom.db*")) File.Delete(f); // the SQLite file is deleted

        var (status, body) = await ReadyzAsync(server);
        Assert.Equal(503, status);
        Assert.Equal(5000, body.GetProperty("code").GetInt32());
        var data = body.GetProperty("data");
        Assert.Equal("not_ready", data.GetProperty("status").GetString());
        // Gone, or re-created empty by a connection since: either way no migrated schema.
        Assert.False(data.GetProperty("migrated").GetBoolean());
        Assert.True(data.GetProperty("storage").GetBoolean());
    }

    [Fact]
    public async Task Storage_that_cannot_be_written_makes_it_not_ready_and_writable_again_makes_it_ready()
    {
        await using var server = await LiveServer.StartAsync();
        // Tests run as root, for whom permissions do not stop writes: a file where the temp folder was does.
        var tmp = Path.Combine(server.DataDir, "tmp");
        Directory.Delete(tmp, recursive: true);
        await File.WriteAllTextAsync(tmp, "not a folder");
        try
        {
            var (status, body) = await ReadyzAsync(server);
            Assert.Equal(503, status);
            var data = body.GetProperty("data");
            Assert.False(data.GetProperty("storage").GetBoolean());
            Assert.True(data.GetProperty("database").GetBoolean());
            Assert.True(data.GetProperty("migrated").GetBoolean());
        }
        finally
        {
            File.Delete(tmp);
            Directory.CreateDirectory(tmp);
        }
        Assert.Equal(200, (await ReadyzAsync(server)).Status);
    }

    [Fact]
    public async Task A_stopped_job_engine_makes_it_not_ready_while_it_stays_healthy()
    {
        await using var server = await LiveServer.StartAsync();
        await server.Services.GetRequiredService<JobEngine>().StopAsync(CancellationToken.None);

        var (status, body) = await ReadyzAsync(server);
        Assert.Equal(503, status);
        Assert.False(body.GetProperty("data").GetProperty("jobs").GetBoolean());
        using var health = await server.Http.GetAsync("healthz");
        Assert.Equal(200, (int)health.StatusCode);
    }

    private static async Task<(int Status, JsonElement Body)> ReadyzAsync(LiveServer server)
    {
        using var res = await server.Http.GetAsync("readyz");
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        return ((int)res.StatusCode, doc.RootElement.Clone());
    }
}
