using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Changes a text segment (the agent's <c>edit_text</c>). When its new time range overlaps
    /// another text on its track, it moves to a text track with room (or a new one), keeping its id.
    /// </summary>
    public static EditResult EditText(this Draft draft, string segmentId, TextChange change)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(change);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        if (at.Track.Type != TrackType.Text) return EditResult.Fail(JobErrorCodes.NotApplicable, $"\"{segmentId}\" is not a text", at.Path);
        if (change.Text is not null && TextPlacement.CheckText(change.Text) is { } bad) return EditResult.Fail(bad);
        if (TextPlacement.CheckStyle(change.Position, change.X, change.Y, change.Size, change.Color) is { } badStyle) return EditResult.Fail(badStyle);
        if (change.StartMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "start_ms must be >= 0", at.PathOf("st"));
        if (change.DurationMs <= 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "duration_ms must be > 0", at.PathOf("d"));

        var s = at.Segment;
        var m = s.Meta;
        if (change.Position is not null) m = m with { Position = change.Position, X = null, Y = null };
        m = m with
        {
            Text = change.Text ?? m.Text,
            X = change.X ?? m.X,
            Y = change.Y ?? m.Y,
            Size = change.Size ?? m.Size,
            Color = change.Color is null ? m.Color : ColorNames.ToHex(change.Color),
        };
        var updated = s with { StartMs = change.StartMs ?? s.StartMs, DurationMs = change.DurationMs ?? s.DurationMs, Meta = m };
        var without = draft.WithTrack(at.TrackIndex, at.Track with { Segments = at.Track.Segments.RemoveAt(at.Index) });
        var placed = TextPlacement.Place(without, updated, at.TrackIndex, at.Track.Meta.Name ?? "Text", new IdAllocator(draft));
        return EditResult.Ok(placed, s.Id);
    }

    /// <summary>Removes a text segment (the agent's <c>remove_text</c>); its text track goes too when it becomes empty.</summary>
    public static EditResult RemoveText(this Draft draft, string segmentId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        if (at.Track.Type != TrackType.Text) return EditResult.Fail(JobErrorCodes.NotApplicable, $"\"{segmentId}\" is not a text; use remove_segment", at.Path);
        var track = at.Track with { Segments = at.Track.Segments.RemoveAt(at.Index) };
        return EditResult.Ok(track.Segments.IsEmpty ? draft.WithoutTrack(at.TrackIndex) : draft.WithTrack(at.TrackIndex, track));
    }
}
