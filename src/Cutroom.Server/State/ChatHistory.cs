using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.State;

/// <summary>
/// The chat history of a session (contract §4: a session holds "the chat history"), read from its
/// chat jobs: each turn is the user's message (the job's payload) and the agent's closing text (the
/// job's result), or why it failed. Listed in state as <c>messages</c>, an addition beyond §6a's
/// fields, so that a client opened again (the Studio after a reload) can show the conversation.
/// </summary>
public static class ChatHistory
{
    /// <summary>The most turns listed (the newest).</summary>
    public const int MaxTurns = 100;

    /// <summary>One message.</summary>
    /// <param name="Role"><c>user</c> or <c>model</c> (ADK's roles).</param>
    /// <param name="Text">The text.</param>
    /// <param name="Status">For <c>model</c>: the turn's job state (<c>queued</c>, <c>running</c>, <c>completed</c>, <c>failed</c>); null for <c>user</c>.</param>
    /// <param name="CreatedAt">When it was sent or when the turn last changed.</param>
    public sealed record Message(string Role, string Text, string? Status, DateTime CreatedAt);

    /// <summary>One turn: the user's message and the agent's reply (or why it failed).</summary>
    /// <param name="JobId">The chat job.</param>
    /// <param name="Message">The user's message.</param>
    /// <param name="Reply">The agent's closing text, or the failure's message.</param>
    /// <param name="Status">The job state.</param>
    /// <param name="ErrorCode">The contract code of a failed turn, else null.</param>
    /// <param name="CreatedAt">When it was sent (UTC).</param>
    /// <param name="StartedAt">When it started running (UTC), or null while queued.</param>
    /// <param name="UpdatedAt">When it last changed (UTC).</param>
    public sealed record Turn(string JobId, string Message, string Reply, string Status, int? ErrorCode, DateTime CreatedAt, DateTime? StartedAt, DateTime UpdatedAt);

    /// <summary>The session's messages, oldest first.</summary>
    /// <param name="ctx">The database.</param>
    /// <param name="sessionId">The session (already checked against its owner).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<IReadOnlyList<Message>> ReadAsync(CutroomDb ctx, string sessionId, CancellationToken cancellationToken)
    {
        var turns = await ReadTurnsAsync(ctx, sessionId, cancellationToken);
        var messages = new List<Message>(turns.Count * 2);
        foreach (var t in turns)
        {
            messages.Add(new Message("user", t.Message, null, t.CreatedAt));
            messages.Add(new Message("model", t.Reply, t.Status, t.UpdatedAt));
        }
        return messages;
    }

    /// <summary>The session's last <see cref="MaxTurns"/> turns, oldest first.</summary>
    /// <param name="ctx">The database.</param>
    /// <param name="sessionId">The session (already checked against its owner).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<IReadOnlyList<Turn>> ReadTurnsAsync(CutroomDb ctx, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var turns = await ctx.Jobs.AsNoTracking()
            .Where(j => j.SessionId == sessionId && j.Kind == JobKinds.Chat)
            .OrderByDescending(j => j.CreatedAt).Take(MaxTurns)
            .Join(ctx.JobPayloads, j => j.Id, p => p.JobId, (j, p) => new { j.Id, j.Status, j.ResultJson, j.ErrorCode, j.ErrorMessage, j.CreatedAt, j.StartedAt, j.UpdatedAt, p.Json })
            .ToListAsync(cancellationToken);
        // A turn's reply is recorded just before its stream ends, so it is here even while the job is still closing.
        return [.. turns.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t =>
        {
            var failed = t.Status is JobStates.Failed or JobStates.Cancelled;
            return new Turn(t.Id, Field(t.Json, "message") ?? "", failed ? t.ErrorMessage ?? "" : Field(t.ResultJson, "text") ?? "", t.Status,
                failed ? t.ErrorCode ?? Contract.ApiCodes.ServerError : null, t.CreatedAt, t.StartedAt, t.UpdatedAt);
        })];
    }

    private static string? Field(string? json, string name)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException) { return null; }
    }
}
