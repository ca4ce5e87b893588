namespace Cutroom.Timeline.Model;

/// <summary>
/// The derived total duration (<c>d</c>) of a draft: the end of the latest segment on any
/// track (end-exclusive, ms), 0 for a draft without segments. Music set with
/// <see cref="Edits.DraftEdits.SetMusic"/> is cut to the other tracks, so it does not lengthen
/// the timeline.
/// </summary>
public static class DraftDuration
{
    /// <summary>Computes the total duration in ms from the segments.</summary>
    public static long Compute(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Tracks.Length == 0 ? 0 : draft.Tracks.Max(t => t.EndMs);
    }

    /// <summary>The same draft with <c>d</c> set to <see cref="Compute"/>.</summary>
    public static Draft WithDerivedDuration(this Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var d = Compute(draft);
        return d == draft.DurationMs ? draft : draft with { DurationMs = d };
    }
}
