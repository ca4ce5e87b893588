using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Adds a text segment (the agent's <c>add_text</c>) on the first text track with room at that
    /// time, or on a new text track. Defaults: 3000 ms (cut to the timeline's end when that comes
    /// first), center, 1/12 of the canvas's short side, white. Returns the new segment's id.
    /// </summary>
    public static EditResult AddText(this Draft draft, TextSpec spec)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(spec);
        if (TextPlacement.CheckText(spec.Text) is { } bad) return EditResult.Fail(bad);
        if (TextPlacement.CheckStyle(spec.Position, spec.X, spec.Y, spec.Size, spec.Color) is { } badStyle) return EditResult.Fail(badStyle);
        if (spec.StartMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "start_ms must be >= 0");
        var end = DraftDuration.Compute(draft);
        var d = spec.DurationMs ?? (end > spec.StartMs ? Math.Min(DefaultStillMs, end - spec.StartMs) : DefaultStillMs);
        if (d <= 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "duration_ms must be > 0");
        var ids = new IdAllocator(draft);
        var segment = new Segment
        {
            Id = ids.Next("seg"),
            StartMs = spec.StartMs,
            DurationMs = d,
            Meta = new SegmentMeta
            {
                Text = spec.Text,
                Position = spec.X is null && spec.Y is null ? spec.Position ?? Positions.Center : spec.Position,
                X = spec.X,
                Y = spec.Y,
                Size = spec.Size ?? DefaultTextSize(draft),
                Color = ColorNames.ToHex(spec.Color) ?? "#FFFFFF",
            },
        };
        return EditResult.Ok(TextPlacement.Place(draft, segment, -1, spec.TrackName ?? "Text", ids), segment.Id);
    }

    /// <summary>The default text size in canvas pixels: 1/12 of the short side, rounded (90 px on 1080p, 60 on 720p).</summary>
    public static double DefaultTextSize(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Math.Max(8, Math.Round(Math.Min(draft.Width, draft.Height) / 12.0));
    }
}
