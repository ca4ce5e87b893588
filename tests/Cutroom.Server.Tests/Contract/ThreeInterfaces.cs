using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Engine.Common;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Timeline.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Contract;

/// <summary>
/// Runs one bad request through each interface and reads the code it answers: the built
/// <c>cutroom</c> CLI as a process with <c>--json</c>, the agent's <see cref="ToolRunner"/> on a
/// folder session, and the real server over loopback (a chat turn planned by
/// <see cref="ScriptedPlanner"/>, or the render endpoint).
/// </summary>
internal static class ThreeInterfaces
{
    private static readonly Lazy<EngineContext> Engine = new(() => EngineContext.CreateDefault());

    /// <summary>A server whose planner is the <see cref="ScriptedPlanner"/>.</summary>
    public static Task<LiveServer> StartServerAsync() =>
        LiveServer.StartAsync(services: s => s.AddSingleton<IPlanner>(new ScriptedPlanner()));

    /// <summary>Runs <c>cutroom ARGS --json</c> and reads <c>{"error":{code,kind}}</c> from stdout.</summary>
    public static Answer Cli(IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cutroom.dll");
        var (exit, stdout, stderr) = TestMedia.Run("dotnet", [dll, .. args, "--json"], env: new Dictionary<string, string> { ["NO_COLOR"] = "1", ["COLUMNS"] = "200" });
        string? code = null, kind = null;
        if (exit != 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(stdout);
                var error = doc.RootElement.GetProperty("error");
                code = error.GetProperty("code").GetString();
                kind = error.GetProperty("kind").GetString();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        }
        return new Answer("cli", code, kind, exit, null, $"exit {exit}, stdout {Flat(stdout)}, stderr {Flat(stderr)}");
    }

    /// <summary>Uploads a copy of the row's good file to a new folder session, puts the bad bytes in its place, and runs the row's call.</summary>
    public static async Task<Answer> AgentAsync(ContractRow row, TempDir dir) =>
        await AgentAsync(row.Input, dir, (_, id) => Task.FromResult(row.Tool!(id)));

    /// <summary>Like <see cref="AgentAsync(ContractRow, TempDir)"/>, with a call made after the upload (e.g. one that first commits a draft).</summary>
    public static async Task<Answer> AgentAsync(BadFile input, TempDir dir, Func<FolderSession, string, Task<ToolCall>> call)
    {
        var copy = dir.File("upload" + Path.GetExtension(input.Upload));
        File.Copy(input.Upload, copy);
        var session = new FolderSession(dir.File("session"), new MemoryCreditAccount(100));
        var media = await session.UploadAsync(Engine.Value, [copy]);
        input.Replace(copy, dir);
        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(await call(session, media[0].Id), new ToolContext(session, Engine.Value, "en", new AgentOptions { MaxExportHeight = 180, DefaultExportQuality = "low" }));
        return new Answer("agent", outcome.Succeeded ? null : Text(outcome.Data["error"]), Text(outcome.Data["kind"]), null, null,
            $"{(outcome.Succeeded ? "succeeded" : "failed")}: {outcome.Data.ToJsonString()} \"{outcome.Text}\"");
    }

    /// <summary>Seeds the row's good file into a new client's session, puts the bad bytes in its place, and runs the row's call as a chat turn over <c>POST /run</c>.</summary>
    public static async Task<Answer> HttpChatAsync(LiveServer server, ContractRow row, TempDir dir)
    {
        var (client, media) = await SeedAsync(server, row.Input, dir);
        using var res = await ChatCalls.PostRunAsync(client, ScriptedPlanner.MessageOf(row.Tool!(media)));
        var events = await LiveServer.ReadEnvelopeAsync(res, 200);
        var response = events.EnumerateArray()
            .Where(e => e.TryGetProperty("content", out _))
            .SelectMany(e => e.GetProperty("content").GetProperty("parts").EnumerateArray())
            .Where(p => p.TryGetProperty("functionResponse", out _))
            .Select(p => p.GetProperty("functionResponse").GetProperty("response"))
            .FirstOrDefault();
        if (response.ValueKind != JsonValueKind.Object) return new Answer("http", null, null, null, null, $"no functionResponse: {Flat(events.GetRawText())}");
        var ok = response.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
        return new Answer("http", ok ? null : Str(response, "error"), Str(response, "kind"), null, null, Flat(response.GetRawText()));
    }

    /// <summary>Seeds the row's good file, puts the bad bytes in its place, posts a render of <paramref name="draftOf"/>(media id) and polls it to its end; reads the contract code.</summary>
    public static async Task<Answer> HttpRenderAsync(LiveServer server, BadFile input, TempDir dir, Func<string, string> draftOf)
    {
        var (client, media) = await SeedAsync(server, input, dir);
        var id = "render_" + Guid.NewGuid().ToString("N")[..12];
        using var res = await Render.RenderKit.PostAsync(client.Http, Render.RenderKit.Body(id, client.SessionId, draftOf(media), "mp4", "low"));
        var body = await res.Content.ReadAsStringAsync();
        using (var doc = JsonDocument.Parse(body))
        {
            var code = doc.RootElement.GetProperty("code").GetInt32();
            if (code != 0) return new Answer("http", null, null, null, code, $"HTTP {(int)res.StatusCode} {Flat(body)}");
        }
        var done = await Render.RenderKit.WaitForAsync(client.Http, id, TimeSpan.FromMinutes(3), "completed", "failed");
        int? api = done.GetProperty("error") is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("code").GetInt32() : null;
        return new Answer("http", null, null, null, api, Flat(done.GetRawText()));
    }

    /// <summary>Commits <paramref name="draftJson"/> (parsed with the timeline's parser) as the session's draft and returns an <c>export</c> call.</summary>
    public static async Task<ToolCall> ExportOfAsync(FolderSession session, string draftJson)
    {
        var parsed = DraftJson.Parse(draftJson);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        await session.CommitDraftAsync(parsed.Draft!, "contract test");
        return new ToolCall(ToolNames.Export, new JsonObject { ["quality"] = "low" });
    }

    private static async Task<(ApiClient Client, string Media)> SeedAsync(LiveServer server, BadFile input, TempDir dir)
    {
        var client = await server.NewClientAsync();
        var media = (await SeedMedia.AddAsync(server, client, input.Upload))[0];
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        var key = await db.Media.Where(m => m.Id == media).Select(m => m.FileKey).FirstAsync();
        var store = server.Services.GetRequiredService<FileStore>();
        input.Replace(store.PathOf((await store.FindAsync(key))!), dir);
        return (client, media);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Flat(string text)
    {
        var one = text.ReplaceLineEndings(" ").Trim();
        return one.Length > 600 ? one[..600] + "…" : one;
    }
}
