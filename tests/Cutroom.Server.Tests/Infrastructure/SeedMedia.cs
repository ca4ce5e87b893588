using Cutroom.Agent.Sessions;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Probe;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Sessions;
using Cutroom.Server.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Infrastructure;

/// <summary>
/// Puts real media files into a session through the server's own services (sniff, probe, store,
/// the upload rule), for tests of other endpoints that need media without exercising the upload
/// endpoint itself (whose own tests go over HTTP).
/// </summary>
public static class SeedMedia
{
    /// <summary>Adds <paramref name="paths"/> (copied) to the client's session, in order; returns their media ids.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(LiveServer server, ApiClient client, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        var sp = server.Services;
        var store = sp.GetRequiredService<FileStore>();
        var engine = sp.GetRequiredService<EngineContext>();
        var sessions = sp.GetRequiredService<SessionStore>();
        string accountId;
        using (var scope = sp.CreateScope())
        {
            var factory = sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Cutroom.Server.Data.CutroomDb>>();
            await using var ctx = await factory.CreateDbContextAsync();
            accountId = ctx.Sessions.First(s => s.Id == client.SessionId).AccountId;
        }
        var rows = new List<MediaRow>();
        foreach (var path in paths)
        {
            var format = MediaSniffer.Sniff(path);
            var info = await engine.Prober.ProbeAsync(path, measureFrames: false);
            var (mime, ext) = ContentTypes.Of(format, info.Video is not null);
            var tmp = store.NewTempPath(ext);
            File.Copy(path, tmp);
            var file = await store.StoreAsync(accountId, tmp, ext, mime, Path.GetFileName(path));
            rows.Add(SessionStore.ToMediaRow(FolderSession.Describe("x", info), client.SessionId, Path.GetFileName(path), file, mime, DateTime.UtcNow));
        }
        using (await sessions.LockAsync(client.SessionId, CancellationToken.None))
            await sessions.AddUploadsAsync(client.SessionId, rows, CancellationToken.None);
        return [.. rows.Select(r => r.Id)];
    }
}
