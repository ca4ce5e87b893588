using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits.Internal;

/// <summary>
/// Puts a text segment on a text track where it overlaps nothing: the preferred track if it has
/// room, else the first text track with room, else a new text track added at the end (texts
/// that show at the same time live on separate tracks; later tracks draw on top).
/// </summary>
internal static class TextPlacement
{
    public static Draft Place(Draft draft, Segment text, int preferred, string trackName, IdAllocator ids)
    {
        var candidates = Enumerable.Range(0, draft.Tracks.Length).Where(i => draft.Tracks[i].Type == TrackType.Text).ToList();
        if (preferred >= 0) candidates.Insert(0, preferred);
        foreach (var t in candidates)
        {
            var track = draft.Tracks[t];
            if (TrackLayout.Clash(track, text, -1) is null) return draft.WithTrack(t, track with { Segments = track.Segments.Add(text) });
        }
        var created = new Track { Id = ids.Next("trk"), Type = TrackType.Text, Meta = new TrackMeta { Name = trackName }, Segments = [text] };
        return draft with { Tracks = draft.Tracks.Add(created) };
    }

    public static JobError? CheckStyle(string? position, double? x, double? y, double? size, string? color)
    {
        if (position is not null && !Positions.All.Contains(position))
            return new JobError(JobErrorCodes.UnknownValue, JsonPaths.Root, $"position must be one of {string.Join(", ", Positions.All)}");
        if (x is < 0 or > 1 || y is < 0 or > 1)
            return new JobError(JobErrorCodes.OutOfRange, JsonPaths.Root, "x and y must be between 0 and 1 (fractions of the canvas)");
        if (size is { } s && (s <= 0 || s > DraftLimits.MaxTextSize))
            return new JobError(JobErrorCodes.OutOfRange, JsonPaths.Root, $"size must be > 0 and at most {DraftLimits.MaxTextSize} px");
        if (color is not null && ColorNames.ToHex(color) is null)
            return new JobError(JobErrorCodes.UnknownValue, JsonPaths.Root, $"\"{color}\" is not a colour (use a name such as red or #RRGGBB)");
        return null;
    }

    public static JobError? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? new JobError(JobErrorCodes.Required, JsonPaths.Root, "the text is empty")
        : text.Length > DraftLimits.MaxTextLength ? new JobError(JobErrorCodes.OutOfRange, JsonPaths.Root, $"the text is longer than {DraftLimits.MaxTextLength} characters")
        : null;
}
