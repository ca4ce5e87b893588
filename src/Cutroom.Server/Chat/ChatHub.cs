using System.Collections.Concurrent;

namespace Cutroom.Server.Chat;

/// <summary>
/// The in-memory meeting point of a chat turn's job and the responses that stream it: one
/// <see cref="TurnFeed"/> per job id. The job publishes its events there as it runs (in the worker
/// pool, not in the request), each subscriber reads them through its own channel, and a
/// subscriber that comes late gets every event of the turn so far. A feed is forgotten once its
/// turn has ended and its last subscriber has gone; the results themselves are in the session's state.
/// </summary>
public sealed class ChatHub
{
    private readonly ConcurrentDictionary<string, TurnFeed> _feeds = new(StringComparer.Ordinal);

    /// <summary>The feed of job <paramref name="jobId"/> (made on first use).</summary>
    /// <param name="jobId">The chat job.</param>
    public TurnFeed Feed(string jobId) => _feeds.GetOrAdd(jobId, id => new TurnFeed(id, this));

    /// <summary>How many feeds are held (turns running, or ended with a reader still attached).</summary>
    public int Count => _feeds.Count;

    internal void Forget(TurnFeed feed) => _feeds.TryRemove(KeyValuePair.Create(feed.JobId, feed));
}
