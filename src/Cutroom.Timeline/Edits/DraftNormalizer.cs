using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

/// <summary>
/// Tidies a draft after an edit, so that edits compose without each one repeating the same
/// fix-ups: segments of each track sorted by start (stable); fades shortened to fit their
/// segment (fade-out first); a transition dropped when no segment ends where its segment starts
/// any more, and shortened to its segment; <c>d</c> recomputed. Pure; returns the input
/// unchanged when nothing needs doing.
/// </summary>
public static class DraftNormalizer
{
    /// <summary>The tidied draft.</summary>
    public static Draft Normalize(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var tracks = draft.Tracks.Select(NormalizeTrack).ToList();
        var changed = tracks.Where((t, i) => !ReferenceEquals(t, draft.Tracks[i])).Any();
        var result = changed ? draft with { Tracks = [.. tracks] } : draft;
        return result.WithDerivedDuration();
    }

    private static Track NormalizeTrack(Track track)
    {
        var sorted = track.Segments.OrderBy(s => s.StartMs).ToList();
        var ends = sorted.Where(s => s.DurationMs > 0).Select(s => s.EndMs).ToHashSet();
        var fixedSegments = sorted.Select(s => NormalizeSegment(s, ends.Contains(s.StartMs))).ToList();
        return fixedSegments.SequenceEqual(track.Segments, ReferenceEqualityComparer.Instance)
            ? track
            : track with { Segments = [.. fixedSegments] };
    }

    private static Segment NormalizeSegment(Segment s, bool hasPredecessor)
    {
        var m = s.Meta;
        var d = Math.Max(0, s.DurationMs);
        var fi = m.FadeInMs is { } a ? Math.Min(a, d) : (long?)null;
        var fo = m.FadeOutMs is { } b ? Math.Min(b, d - (fi ?? 0)) : (long?)null;
        var tr = m.Transition;
        if (tr is not null && !hasPredecessor) tr = null;
        else if (tr is not null && tr.DurationMs > d) tr = tr with { DurationMs = d };
        if (fi == m.FadeInMs && fo == m.FadeOutMs && ReferenceEquals(tr, m.Transition)) return s;
        return s with { Meta = m with { FadeInMs = fi, FadeOutMs = fo, Transition = tr } };
    }
}
