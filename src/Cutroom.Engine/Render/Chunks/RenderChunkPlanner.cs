using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render.Chunks;

/// <summary>How a draft is cut into render chunks.</summary>
public sealed record RenderChunkOptions
{
    /// <summary>The length a chunk aims at, in seconds; default 4 s.</summary>
    public double TargetSeconds { get; init; } = 4;
    /// <summary>No chunk is shorter than this (s), except a timeline shorter than two of them, which is one chunk; default 2 s.</summary>
    public double MinSeconds { get; init; } = 2;
    /// <summary>No chunk is longer than this (s) unless a transition leaves no other cut; default 8 s.</summary>
    public double MaxSeconds { get; init; } = 8;
    /// <summary>Whether whole H.264 renders are split into chunks (default true); false renders every draft in one pass.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Chunks rendered at once on this machine; default the cores (at most 8).</summary>
    public int Concurrency { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 8);
}

/// <summary>
/// Cuts a draft's timeline into render chunks: windows of a few seconds whose cuts never fall strictly
/// inside a transition (each transition is wholly inside one chunk), and which prefer the draft's own
/// boundaries (a segment's or a text's start or end, the end of a transition), so that an edit of one
/// item changes the fewest chunks. Greedy from the start: the next cut is the preferred boundary
/// nearest <see cref="RenderChunkOptions.TargetSeconds"/> within
/// [<see cref="RenderChunkOptions.MinSeconds"/>, <see cref="RenderChunkOptions.MaxSeconds"/>], else the
/// allowed frame nearest the target; the last chunk absorbs a remainder shorter than the minimum.
/// </summary>
public static class RenderChunkPlanner
{
    /// <summary>The chunks of <paramref name="draft"/>: contiguous windows covering <c>[0, totalFrames)</c>, in order.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="clock">Its clock (ms to frames).</param>
    /// <param name="totalFrames">Frames of the whole render.</param>
    /// <param name="options">Lengths; null for the defaults.</param>
    public static IReadOnlyList<FrameWindow> Plan(Draft draft, TimelineClock clock, long totalFrames, RenderChunkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new RenderChunkOptions();
        long F(double seconds) => Math.Max(1, (long)Math.Round(seconds * clock.Fps));
        long min = F(options.MinSeconds), target = Math.Max(min, F(options.TargetSeconds)), max = Math.Max(target, F(options.MaxSeconds));
        if (totalFrames < 2 * min) return [FrameWindow.All(totalFrames)];

        var transitions = TrackRuns.Transitions(clock, draft).ToList();
        bool Allowed(long f) => f > 0 && f < totalFrames && !transitions.Any(t => t.Start < f && f < t.End);
        var preferred = Boundaries(draft, clock, transitions).Where(Allowed).Distinct().Order().ToList();

        var cuts = new List<long> { 0 };
        var p = 0L;
        while (totalFrames - p > max)
        {
            var aim = p + target;
            var next = preferred.Where(f => f >= p + min && f <= p + max).OrderBy(f => Math.Abs(f - aim)).ThenBy(f => f).FirstOrDefault();
            if (next == 0) next = NearestAllowed(aim, p + min, p + max, Allowed) ?? FirstAllowedAfter(p + max, totalFrames, Allowed);
            if (next <= p || totalFrames - next < min) break;
            cuts.Add(next);
            p = next;
        }
        cuts.Add(totalFrames);
        return [.. cuts.Zip(cuts.Skip(1), FrameWindow.FromFirstEnd)];
    }

    /// <summary>Where the draft's items start and end, and where its transitions end, in frames.</summary>
    private static IEnumerable<long> Boundaries(Draft draft, TimelineClock clock, IEnumerable<(long Start, long End)> transitions)
    {
        foreach (var track in draft.Tracks.Where(t => t.Type is TrackType.Video or TrackType.Text))
            foreach (var s in track.Segments)
            {
                yield return clock.Frames(s.StartMs);
                yield return clock.Frames(s.EndMs);
            }
        foreach (var t in transitions) yield return t.End;
    }

    private static long? NearestAllowed(long aim, long lo, long hi, Func<long, bool> allowed)
    {
        for (long d = 0; aim - d >= lo || aim + d <= hi; d++)
        {
            if (aim - d >= lo && allowed(aim - d)) return aim - d;
            if (aim + d <= hi && allowed(aim + d)) return aim + d;
        }
        return null;
    }

    private static long FirstAllowedAfter(long from, long total, Func<long, bool> allowed)
    {
        for (var f = from; f < total; f++) if (allowed(f)) return f;
        return total;
    }
}
