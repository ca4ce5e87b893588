using System.Threading.Channels;

namespace Cutroom.Server.Chat;

/// <summary>One event of a turn as written to clients: its JSON line, and whether it ends the turn.</summary>
/// <param name="Json">The ADK event as one line of JSON.</param>
/// <param name="Final">True on the last event (<c>turnComplete</c>).</param>
public sealed record FeedItem(string Json, bool Final)
{
    /// <summary>True for a <c>partial</c> (progress) event, which a client that asked for <c>streaming: false</c> does not get.</summary>
    public bool Partial { get; init; }
}

/// <summary>
/// The events of one running turn: kept in order (a late subscriber replays them), copied into an
/// unbounded channel per subscriber (the job never waits for a slow reader; a turn has tens of
/// events, so nothing grows without bound), closed after the final event.
/// </summary>
public sealed class TurnFeed
{
    private readonly object _gate = new();
    private readonly List<FeedItem> _events = [];
    private readonly List<Channel<FeedItem>> _readers = [];
    private readonly ChatHub _hub;
    private bool _ended;

    internal TurnFeed(string jobId, ChatHub hub)
    {
        JobId = jobId;
        _hub = hub;
    }

    /// <summary>The chat job.</summary>
    public string JobId { get; }

    /// <summary>Whether the final event was published.</summary>
    public bool Ended
    {
        get { lock (_gate) return _ended; }
    }

    /// <summary>Publishes an event to every subscriber; after a final one the feed is closed and later events are dropped.</summary>
    /// <param name="item">The event.</param>
    /// <returns>Whether it was published (false once the feed has ended).</returns>
    public bool Publish(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        bool forget;
        lock (_gate)
        {
            if (_ended) return false;
            _events.Add(item);
            foreach (var r in _readers) r.Writer.TryWrite(item);
            if (!item.Final) return true;
            _ended = true;
            foreach (var r in _readers) r.Writer.TryComplete();
            forget = _readers.Count == 0;
        }
        if (forget) _hub.Forget(this);
        return true;
    }

    /// <summary>Subscribes: the events so far, then each new one, then the end.</summary>
    /// <returns>The subscription (dispose it to stop reading; the turn goes on).</returns>
    public TurnSubscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<FeedItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        lock (_gate)
        {
            foreach (var e in _events) channel.Writer.TryWrite(e);
            if (_ended) channel.Writer.TryComplete();
            _readers.Add(channel);
        }
        return new TurnSubscription(this, channel);
    }

    internal void Unsubscribe(Channel<FeedItem> channel)
    {
        bool forget;
        lock (_gate)
        {
            _readers.Remove(channel);
            forget = _ended && _readers.Count == 0;
        }
        if (forget) _hub.Forget(this);
    }
}

/// <summary>A reader of a <see cref="TurnFeed"/>.</summary>
public sealed class TurnSubscription : IDisposable
{
    private readonly TurnFeed _feed;
    private readonly Channel<FeedItem> _channel;
    private int _disposed;

    internal TurnSubscription(TurnFeed feed, Channel<FeedItem> channel)
    {
        _feed = feed;
        _channel = channel;
    }

    /// <summary>The chat job.</summary>
    public string JobId => _feed.JobId;

    /// <summary>The events: completes after the final one.</summary>
    public ChannelReader<FeedItem> Reader => _channel.Reader;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _feed.Unsubscribe(_channel);
    }
}
