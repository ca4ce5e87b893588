using System.Globalization;
using System.Text.Json.Nodes;
using Cutroom.Server.Chat;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Sessions;
using Cutroom.Server.State;
using Cutroom.Timeline.Summary;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Adk;

/// <summary>
/// A Cutroom session in the shape of Google ADK's <c>Session</c> (as ADK's <c>api_server</c>
/// answers it): <c>{"id","appName","userId","state","events","lastUpdateTime"}</c>, with
/// <c>lastUpdateTime</c> in Unix seconds (a fraction for milliseconds). <c>state</c> holds
/// <c>version</c>, <c>task_name</c>, <c>language</c> and, for one session, <c>timeline_summary</c>.
/// <c>events</c> is the stored chat history as ADK events (<see cref="ChatHistory"/>): per turn an
/// event by <c>user</c> with the message and one by <c>nemo_agent</c> with the reply, its
/// <c>actions.artifactDelta</c> naming the files the turn made (artifact versions as
/// <see cref="AdkArtifacts"/> counts them) and <c>errorCode</c>/<c>errorMessage</c> when it failed.
/// Event ids are made from the turn's job id, so they are the same on every read.
/// </summary>
public static class AdkSessionView
{
    /// <summary>A session without its events (the list answer; ADK's own server lists sessions without events too).</summary>
    /// <param name="row">The session.</param>
    /// <param name="userId">The user id of the path, echoed.</param>
    public static JsonObject Summary(SessionRow row, string userId)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new JsonObject
        {
            ["id"] = row.Id,
            ["appName"] = AdkEvent.AgentName,
            ["userId"] = userId,
            ["state"] = new JsonObject { ["version"] = row.Version, ["task_name"] = row.TaskName, ["language"] = row.Language },
            ["events"] = new JsonArray(),
            ["lastUpdateTime"] = Seconds(row.UpdatedAt),
        };
    }

    /// <summary>A session with its state and its chat history as events.</summary>
    /// <param name="ctx">The database.</param>
    /// <param name="row">The session (already checked against its owner).</param>
    /// <param name="userId">The user id of the path, echoed.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<JsonObject> FullAsync(CutroomDb ctx, SessionRow row, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(row);
        var session = Summary(row, userId);
        var draftJson = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == row.CurrentRevisionId).Select(r => r.Json).FirstAsync(cancellationToken);
        var names = await ctx.Media.AsNoTracking().Where(m => m.SessionId == row.Id).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        session["state"]!["timeline_summary"] = TimelineSummary.Of(SessionStore.ParseDraft(draftJson), id => names.GetValueOrDefault(id));

        var turns = await ChatHistory.ReadTurnsAsync(ctx, row.Id, cancellationToken);
        var generated = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == row.Id).OrderBy(g => g.Seq)
            .Select(g => new { g.Name, g.CreatedAt }).ToListAsync(cancellationToken);
        // Turns of a session run one at a time (the session lock), so an output belongs to the last turn started before it was made.
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        var made = turns.Select(_ => new JsonObject()).ToList();
        foreach (var g in generated)
        {
            var version = versions.GetValueOrDefault(g.Name);
            versions[g.Name] = version + 1;
            var owner = -1;
            for (var i = 0; i < turns.Count; i++)
                if ((turns[i].StartedAt ?? turns[i].CreatedAt) <= g.CreatedAt) owner = i;
            if (owner >= 0) made[owner][g.Name] = version;
        }

        var events = new JsonArray();
        for (var i = 0; i < turns.Count; i++)
        {
            var t = turns[i];
            var invocation = TurnEvents.InvocationIdOf(t.JobId);
            var key = invocation[4..];
            events.Add(Event("evt_u" + key, invocation, "user", t.CreatedAt, t.Message, new JsonObject(), complete: false));
            if (t.Status is Jobs.JobStates.Queued or Jobs.JobStates.Running && t.Reply.Length == 0) continue;
            var reply = Event("evt_m" + key, invocation, AdkEvent.AgentName, t.UpdatedAt, t.Reply, made[i], complete: true);
            if (t.ErrorCode is { } code)
            {
                reply["errorCode"] = code.ToString(CultureInfo.InvariantCulture);
                reply["errorMessage"] = t.Reply;
            }
            events.Add(reply);
        }
        session["events"] = events;
        return session;
    }

    private static JsonObject Event(string id, string invocation, string author, DateTime at, string text, JsonObject artifactDelta, bool complete) => new()
    {
        ["id"] = id,
        ["invocationId"] = invocation,
        ["author"] = author,
        ["timestamp"] = Seconds(at),
        ["content"] = new JsonObject { ["role"] = author == "user" ? "user" : "model", ["parts"] = new JsonArray(new JsonObject { ["text"] = text }) },
        ["partial"] = false,
        ["turnComplete"] = complete,
        ["actions"] = new JsonObject { ["stateDelta"] = new JsonObject(), ["artifactDelta"] = artifactDelta },
    };

    /// <summary>Unix time in seconds with milliseconds as the fraction, as ADK's Python server writes times.</summary>
    /// <param name="utc">A UTC time.</param>
    public static double Seconds(DateTime utc) =>
        Math.Round(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds() / 1000.0, 3);
}
