using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>
/// Checks every rule of a draft (api-contract.md §6, docs/draft.md "Rules") and returns every
/// broken one with its JSON path, e.g. <c>t[1].sg[0].d: must be > 0</c>. Never throws for a
/// bad draft: an empty list means valid.
/// </summary>
public static class DraftValidator
{
    /// <summary>Every error of the draft, in document order within each rule group.</summary>
    public static IReadOnlyList<JobError> Validate(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<JobError>();
        CanvasRules.Check(draft, errors);
        IdRules.Check(draft, errors);
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            var track = draft.Tracks[t];
            TrackRules.Check(track, t, errors);
            for (var s = 0; s < track.Segments.Length; s++)
            {
                var path = JsonPaths.Segment(t, s);
                SegmentRules.Check(track, track.Segments[s], path, errors);
                MetaRules.Check(track.Segments[s].Meta, JsonPaths.Key(path, "m"), errors);
            }
            OverlapRules.Check(track, t, errors);
            TransitionRules.Check(track, t, errors);
        }
        return errors;
    }

    /// <summary>True when <see cref="Validate"/> finds nothing.</summary>
    public static bool IsValid(Draft draft) => Validate(draft).Count == 0;
}
