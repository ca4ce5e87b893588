using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Cutroom.Engine.ContactSheets;
using Cutroom.Engine.Frames;

namespace Cutroom.Agent.Tools.Args;

/// <summary>
/// Arguments of <c>extract_frames</c>. At most one selector; none means one frame per second. The
/// limits are those of <see cref="FramesRequest"/>; its <c>Validate()</c> checks the rest.
/// </summary>
public sealed record ExtractFramesArgs : IValidatableObject
{
    /// <summary>The video (media id).</summary>
    [Description("The video: a media id (med_...) or generated video id (gen_...)")]
    public required string Media { get; init; }

    /// <summary>Every Nth decoded frame, frame 0 first.</summary>
    [Description("Every Nth frame (10 = frames 0, 10, 20, ...)"), Range(1, int.MaxValue)]
    public int? EveryN { get; init; }

    /// <summary>Frames per second of video, read as the exact decimal written (0.1 is 1/10).</summary>
    [Description("Frames per second of video (0.5 = one frame every 2 s)"), Range(0.0, FramesRequest.MaxFps, MinimumIsExclusive = true)]
    public double? Fps { get; init; }

    /// <summary>The frames shown at these times (ms).</summary>
    [Description("The frames shown at these times, in ms")]
    public IReadOnlyList<long>? AtMs { get; init; }

    /// <summary>One frame every this many ms.</summary>
    [Description("One frame every this many ms"), Range(1L, long.MaxValue)]
    public long? IntervalMs { get; init; }

    /// <summary>Keyframes only.</summary>
    [Description("Keyframes (I-frames) only")]
    public bool? Keyframes { get; init; }

    /// <summary>This many frames spread evenly.</summary>
    [Description("This many frames spread evenly over the video"), Range(1, FramesRequest.MaxCount)]
    public int? Count { get; init; }

    /// <summary>Image format.</summary>
    [Description("Image format"), AllowedValues("jpg", "png", "webp", null)]
    public string? Format { get; init; }

    /// <summary>Width of the images in pixels (height follows the aspect).</summary>
    [Description("Image width in pixels; the height follows the picture's aspect"), Range(FramesRequest.MinWidth, FramesRequest.MaxWidth)]
    public int? Width { get; init; }

    /// <summary>Start of the range to take frames from (ms).</summary>
    [Description("Start of the range to take frames from, in ms"), Range(0L, long.MaxValue)]
    public long? StartMs { get; init; }

    /// <summary>End of the range (ms, exclusive).</summary>
    [Description("End of the range, in ms (exclusive)"), Range(1L, long.MaxValue)]
    public long? EndMs { get; init; }

    /// <summary>How many selectors are set (valid: 0 or 1).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int SelectorCount => new object?[] { EveryN, Fps, AtMs, IntervalMs, Keyframes == true ? true : null, Count }.Count(v => v is not null);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SelectorCount > 1) yield return new ValidationResult("give one of every_n, fps, at_ms, interval_ms, keyframes, count");
    }
}

/// <summary>Arguments of <c>thumbnail</c>.</summary>
public sealed record ThumbnailArgs
{
    /// <summary>The video.</summary>
    [Description("The video: a media id")]
    public required string Media { get; init; }

    /// <summary>Take the frame shown at this time (ms) instead of the best frame.</summary>
    [Description("Take the frame shown at this time (ms) instead of picking the best one"), Range(0L, long.MaxValue)]
    public long? AtMs { get; init; }
}

/// <summary>Arguments of <c>contact_sheet</c>.</summary>
public sealed record ContactSheetArgs
{
    /// <summary>The video.</summary>
    [Description("The video: a media id")]
    public required string Media { get; init; }

    /// <summary>Columns (default 4).</summary>
    [Description("Columns of the grid (default 4)"), Range(1, ContactSheetRequest.MaxColumns)]
    public int? Cols { get; init; }

    /// <summary>Rows (default 4).</summary>
    [Description("Rows of the grid (default 4)"), Range(1, ContactSheetRequest.MaxRows)]
    public int? Rows { get; init; }
}
