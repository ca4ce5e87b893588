using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>
/// Segments of one track do not overlap: with ranges end-exclusive, a segment may start exactly
/// where another ends. The error names the later segment's <c>st</c> and the one it overlaps.
/// </summary>
internal static class OverlapRules
{
    public static void Check(Track track, int t, List<JobError> errors)
    {
        var order = Enumerable.Range(0, track.Segments.Length)
            .Where(i => track.Segments[i].DurationMs > 0)
            .OrderBy(i => track.Segments[i].StartMs).ThenBy(i => i).ToList();
        var latest = -1;
        foreach (var i in order)
        {
            var s = track.Segments[i];
            if (latest >= 0 && s.StartMs < track.Segments[latest].EndMs)
            {
                var other = track.Segments[latest];
                Rule.Add(errors, JobErrorCodes.Overlap, JsonPaths.Key(JsonPaths.Segment(t, i), "st"),
                    $"overlaps {JsonPaths.Segment(t, latest)} ({other.StartMs}-{other.EndMs} ms) on the same track");
            }
            if (latest < 0 || s.EndMs > track.Segments[latest].EndMs) latest = i;
        }
    }
}
