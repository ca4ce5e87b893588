using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits.Internal;

/// <summary>
/// Puts segments on a track without overlaps. Video tracks ripple: when a segment grows,
/// shrinks, is inserted or removed, the segments after it shift so that the sequence stays
/// closed. Audio and text tracks do not ripple: a change that would overlap fails.
/// </summary>
internal static class TrackLayout
{
    public static bool Ripples(Track track) => track.Type == TrackType.Video;

    /// <summary>Replaces segment <paramref name="index"/> by <paramref name="updated"/> (new start and/or duration).</summary>
    public static (Track? Track, JobError? Error) Resize(Track track, int trackIndex, int index, Segment updated)
    {
        var old = track.Segments[index];
        if (Ripples(track))
        {
            var delta = updated.EndMs - old.EndMs;
            var segments = track.Segments.Select((s, i) => i == index ? updated
                : s.StartMs >= old.EndMs && delta != 0 ? s with { StartMs = s.StartMs + delta } : s);
            return (track with { Segments = [.. segments] }, null);
        }
        var clash = Clash(track, updated, index);
        if (clash is { } c)
            return (null, new JobError(JobErrorCodes.Overlap, JsonPaths.Segment(trackIndex, index), OverlapMessage(track.Segments[c])));
        return (track with { Segments = track.Segments.SetItem(index, updated) }, null);
    }

    /// <summary>Inserts a segment at its start; on a video track the segments from that time on move right by its duration.</summary>
    public static (Track? Track, JobError? Error) Insert(Track track, int trackIndex, Segment segment)
    {
        if (Ripples(track))
        {
            var inside = track.Segments.FirstOrDefault(s => s.StartMs < segment.StartMs && segment.StartMs < s.EndMs);
            if (inside is not null)
                return (null, new JobError(JobErrorCodes.Overlap, JsonPaths.Track(trackIndex),
                    $"{segment.StartMs} ms falls inside \"{inside.Id}\" ({inside.StartMs}-{inside.EndMs} ms): use {inside.StartMs} or {inside.EndMs}, or split it first"));
            var shifted = track.Segments.Select(s => s.StartMs >= segment.StartMs ? s with { StartMs = s.StartMs + segment.DurationMs } : s);
            return (track with { Segments = [.. shifted, segment] }, null);
        }
        var clash = Clash(track, segment, -1);
        if (clash is { } c)
            return (null, new JobError(JobErrorCodes.Overlap, JsonPaths.Track(trackIndex), OverlapMessage(track.Segments[c])));
        return (track with { Segments = track.Segments.Add(segment) }, null);
    }

    /// <summary>Removes segment <paramref name="index"/>; with <paramref name="closeGap"/> later segments move left by its duration.</summary>
    public static Track Remove(Track track, int index, bool closeGap)
    {
        var gone = track.Segments[index];
        var rest = track.Segments.RemoveAt(index);
        if (!closeGap) return track with { Segments = rest };
        return track with { Segments = [.. rest.Select(s => s.StartMs >= gone.EndMs ? s with { StartMs = s.StartMs - gone.DurationMs } : s)] };
    }

    /// <summary>The index of a segment (other than <paramref name="except"/>) that <paramref name="candidate"/> would overlap.</summary>
    public static int? Clash(Track track, Segment candidate, int except)
    {
        for (var i = 0; i < track.Segments.Length; i++)
        {
            var s = track.Segments[i];
            if (i != except && s.Id != candidate.Id && s.StartMs < candidate.EndMs && candidate.StartMs < s.EndMs) return i;
        }
        return null;
    }

    private static string OverlapMessage(Segment other) =>
        $"would overlap \"{other.Id}\" ({other.StartMs}-{other.EndMs} ms) on the same track";
}
