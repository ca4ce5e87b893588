using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>Shortest still in ms that <see cref="SetDuration"/> makes by scaling; below it, it cuts instead.</summary>
    public const long MinStillMs = 500;

    /// <summary>
    /// Fits the timeline to <paramref name="totalMs"/> (the agent's <c>set_duration</c>):
    /// <list type="number">
    /// <item>On the main (first) video track the stills share the change in proportion to their
    /// durations (clips keep theirs); the track is re-laid with its gaps kept. If that would make a
    /// still shorter than 500 ms, stills are left alone.</item>
    /// <item>If the main track is still too long, it is cut at the new end.</item>
    /// <item>If it is still too short (only clips), the edit fails: clips cannot grow.</item>
    /// <item>On the other tracks, a segment that reached the old end is stretched or shortened to the
    /// new end (music, a logo, a caption over everything; lengthened music loops); segments past
    /// the new end are dropped, and ones across it are cut.</item>
    /// </list>
    /// </summary>
    public static EditResult SetDuration(this Draft draft, long totalMs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (totalMs <= 0 || totalMs > DraftLimits.MaxTimeMs)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"duration_ms must be > 0 and at most {DraftLimits.MaxTimeMs}");
        var main = Locate.FirstTrack(draft, TrackType.Video);
        if (main < 0 || draft.Tracks[main].Segments.IsEmpty) return EditResult.Fail(JobErrorCodes.NotApplicable, "the timeline has no pictures yet");
        var oldEnd = DraftDuration.Compute(draft);

        var track = ScaleStills(draft.Tracks[main], totalMs);
        track = CutAt(track, totalMs);
        if (track.EndMs < totalMs)
            return EditResult.Fail(JobErrorCodes.NotApplicable,
                $"cannot lengthen to {totalMs} ms: the main video track has no stills to stretch and its clips end at {track.EndMs} ms (slow them down with set_speed or add clips)");

        var tracks = draft.Tracks.Select((t, i) => i == main ? track : FitOther(t, oldEnd, totalMs));
        return EditResult.Ok(draft with { Tracks = [.. tracks] });
    }

    private static Track ScaleStills(Track track, long totalMs)
    {
        var order = track.Segments.OrderBy(s => s.StartMs).ToList();
        var stills = order.Where(s => s.IsStill).ToList();
        var stillTotal = stills.Sum(s => s.DurationMs);
        var wanted = stillTotal + (totalMs - track.EndMs);
        if (stills.Count == 0 || wanted == stillTotal || wanted < stills.Count * MinStillMs) return track;

        // Each still gets floor(d × wanted / total); the ms lost to rounding go one each to the first stills.
        var scaled = stills.ToDictionary(s => s.Id, s => s.DurationMs * wanted / stillTotal);
        var remainder = wanted - scaled.Values.Sum();
        foreach (var s in stills.Take((int)remainder)) scaled[s.Id]++;

        var laid = new List<Segment>(order.Count);
        long shift = 0;
        foreach (var s in order)
        {
            var d = scaled.TryGetValue(s.Id, out var nd) ? nd : s.DurationMs;
            laid.Add(s with { StartMs = s.StartMs + shift, DurationMs = d });
            shift += d - s.DurationMs;
        }
        return track with { Segments = [.. laid] };
    }

    private static Track CutAt(Track track, long endMs) => track with
    {
        Segments = [.. track.Segments.Where(s => s.StartMs < endMs).Select(s => s.EndMs > endMs ? s with { DurationMs = endMs - s.StartMs } : s)],
    };

    private static Track FitOther(Track track, long oldEnd, long newEnd)
    {
        var segments = track.Segments.Where(s => s.StartMs < newEnd).Select(s =>
        {
            if (s.EndMs == oldEnd || s.EndMs > newEnd)
            {
                var loop = track.Type == TrackType.Audio && newEnd > oldEnd ? true : s.Meta.Loop;
                return s with { DurationMs = newEnd - s.StartMs, Meta = s.Meta with { Loop = loop } };
            }
            return s;
        });
        return track with { Segments = [.. segments] };
    }
}
