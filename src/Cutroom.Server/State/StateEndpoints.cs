using System.Text.Json;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Sessions;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Summary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.State;

/// <summary><c>GET /api/state/nemo_agent/me/&lt;session_id&gt;/latest</c> (contract §6a).</summary>
public static class StateEndpoints
{
    /// <summary>The answer's data.</summary>
    /// <param name="SessionId">The session.</param>
    /// <param name="Version">The state version.</param>
    /// <param name="UpdatedAt">Last change.</param>
    /// <param name="State">The state.</param>
    public sealed record StateData(string SessionId, int Version, DateTime UpdatedAt, SessionState State);

    /// <summary>The state of a session.</summary>
    /// <param name="Draft">The current draft (contract §6).</param>
    /// <param name="TimelineSummary">The one-line summary.</param>
    /// <param name="VideoInfos">Every upload.</param>
    /// <param name="GeneratedMedia">Every output, newest last.</param>
    /// <param name="Messages">The chat history, oldest first (an addition beyond contract §6a; <see cref="ChatHistory"/>).</param>
    /// <param name="BindId">The <c>&lt;id&gt;</c> of the account's registration link (<c>?bind=&lt;id&gt;</c>, contract §6a).</param>
    public sealed record SessionState(JsonElement Draft, string TimelineSummary, IReadOnlyList<VideoInfo> VideoInfos, IReadOnlyList<GeneratedInfo> GeneratedMedia,
        IReadOnlyList<ChatHistory.Message> Messages, string BindId);

    /// <summary>An upload (<c>video_infos</c>; also the items of an upload's answer).</summary>
    public sealed record VideoInfo(string MediaId, string Name, string Kind, string Mime, long? DurationMs, int? Width, int? Height, double? Fps,
        string? VideoCodec, string? AudioCodec, bool HasAudio, long SizeBytes, string Url);

    /// <summary>An output (<c>generated_media</c>).</summary>
    public sealed record GeneratedInfo(string Id, string Kind, string Op, string Name, string Url, string? SourceMediaId, int? Width, int? Height,
        long? DurationMs, long? TimeMs, string Group, DateTime CreatedAt);

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapState(this RouteGroupBuilder api)
    {
        api.MapGet("/api/state/nemo_agent/me/{sessionId}/latest", async (string sessionId, HttpContext http, SessionStore sessions,
            IDbContextFactory<CutroomDb> db, DownloadLinks links, Chat.BindLinks bind) =>
        {
            var s = await sessions.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            var draftJson = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == s.CurrentRevisionId).Select(r => r.Json).FirstAsync(http.RequestAborted);
            var media = await ctx.Media.AsNoTracking().Where(m => m.SessionId == s.Id).OrderBy(m => m.Seq).ToListAsync(http.RequestAborted);
            var generated = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == s.Id).OrderBy(g => g.Seq).ToListAsync(http.RequestAborted);
            var draft = SessionStore.ParseDraft(draftJson);
            var url = await links.ForAsync(http.Request, media.Select(m => m.FileKey).Concat(generated.Select(g => g.FileKey)), http.RequestAborted);
            var names = media.ToDictionary(m => m.Id, m => m.Name);
            using var doc = JsonDocument.Parse(draftJson);
            var state = new SessionState(doc.RootElement.Clone(), TimelineSummary.Of(draft, id => names.GetValueOrDefault(id)),
                [.. media.Select(m => ToInfo(m, url(m.FileKey)))],
                [.. generated.Select(g => new GeneratedInfo(g.Id, g.Kind, g.Op, g.Name, url(g.FileKey), g.SourceMediaId,
                    g.Width, g.Height, g.DurationMs, g.TimeMs, g.GroupId, g.CreatedAt))],
                await ChatHistory.ReadAsync(ctx, s.Id, http.RequestAborted), await bind.IdAsync(s.AccountId, http.RequestAborted));
            return Api.Ok(new StateData(s.Id, s.Version, s.UpdatedAt, state));
        }).WithName("SessionState").WithTags("state");
        return api;
    }

    /// <summary>The contract's description of an upload.</summary>
    /// <param name="m">The row.</param>
    /// <param name="url">Its signed URL.</param>
    public static VideoInfo ToInfo(Data.Entities.MediaRow m, string url)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new VideoInfo(m.Id, m.Name, m.Kind, m.Mime, m.DurationMs, m.Width, m.Height, m.Fps, m.VideoCodec, m.AudioCodec, m.HasAudio, m.SizeBytes, url);
    }
}
