using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Sets the speed factor (0.25-4) of one clip, or of every clip on the video tracks when
    /// <paramref name="segmentId"/> is null (the agent's <c>set_speed</c>). The source range stays:
    /// the timeline duration becomes <c>d × old sp / new sp</c>, rounded, and the video track ripples.
    /// Stills and texts have no speed (skipped for "all", an error for one segment).
    /// </summary>
    public static EditResult SetSpeed(this Draft draft, string? segmentId, double speed)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (double.IsNaN(speed) || speed < DraftLimits.MinSpeed || speed > DraftLimits.MaxSpeed)
        {
            var path = segmentId is null ? JsonPaths.Root : Locate.Segment(draft, segmentId)?.PathOf("sp") ?? JsonPaths.Root;
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"speed must be between {DraftLimits.MinSpeed} and {DraftLimits.MaxSpeed}", path);
        }
        if (segmentId is not null)
        {
            if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
            if (at.Track.Type == TrackType.Text || at.Segment.IsStill)
                return EditResult.Fail(JobErrorCodes.NotApplicable, "only clips have a speed (this is a still or a text; change its duration instead)", at.Path);
            return Resize(draft, at, WithSpeed(at.Segment, speed));
        }
        var clipIds = draft.Tracks.Where(t => t.Type == TrackType.Video).SelectMany(t => t.Segments).Where(s => !s.IsStill).Select(s => s.Id).ToList();
        if (clipIds.Count == 0) return EditResult.Fail(JobErrorCodes.NotApplicable, "the video tracks have no clips (stills have no speed)");
        var result = EditResult.Ok(draft);
        foreach (var id in clipIds)
        {
            result = result.Then(d => Locate.Segment(d, id) is { } at ? Resize(d, at, WithSpeed(at.Segment, speed)) : EditResult.Ok(d));
        }
        return result;
    }

    private static Segment WithSpeed(Segment s, double speed)
    {
        var d = Math.Max(1, (long)Math.Round(s.DurationMs * s.SpeedFactor / speed, MidpointRounding.AwayFromZero));
        return s with { Speed = speed, DurationMs = d };
    }
}
