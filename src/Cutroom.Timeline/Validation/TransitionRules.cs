using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>
/// A segment's <c>m.tr</c>: a known type, a duration > 0 and not longer than the segment, and a
/// segment on the same track that ends exactly where this one starts.
/// </summary>
internal static class TransitionRules
{
    public static void Check(Track track, int t, List<JobError> errors)
    {
        for (var i = 0; i < track.Segments.Length; i++)
        {
            var s = track.Segments[i];
            if (s.Meta.Transition is not { } tr) continue;
            var path = JsonPaths.Key(JsonPaths.Segment(t, i), "m.tr");
            if (!TransitionTypes.All.Contains(tr.Type))
                Rule.Add(errors, JobErrorCodes.UnknownValue, JsonPaths.Key(path, "type"), $"must be one of {string.Join(", ", TransitionTypes.All)} (got \"{tr.Type}\")");
            if (tr.DurationMs <= 0)
                Rule.Add(errors, JobErrorCodes.OutOfRange, JsonPaths.Key(path, "d"), "must be > 0");
            else if (s.DurationMs > 0 && tr.DurationMs > s.DurationMs)
                Rule.Add(errors, JobErrorCodes.OutOfRange, JsonPaths.Key(path, "d"), $"must not be longer than the segment (d = {s.DurationMs} ms)");
            if (!track.Segments.Any(o => !ReferenceEquals(o, s) && o.DurationMs > 0 && o.EndMs == s.StartMs))
                Rule.Add(errors, JobErrorCodes.NotAdjacent, path, $"needs a segment on the same track that ends where this one starts ({s.StartMs} ms)");
        }
    }
}
