using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;

namespace Cutroom.Engine.Render;

/// <summary>
/// What <see cref="DraftRenderer"/> renders: a checked draft, where its media are, the output file and
/// how it is encoded, the canvas colour and the loudness of the mix. The draft was checked where it
/// entered (<see cref="RenderableDraft"/>); <see cref="Validate"/> checks the rest.
/// </summary>
/// <param name="Draft">The draft, checked.</param>
/// <param name="OutputFile">The file to write (replaced when it exists).</param>
/// <param name="ResolveMedia">Maps a segment's <c>src</c> (a media id, or a path on the command line) to a local file; null when unknown.</param>
public sealed record DraftRenderRequest(RenderableDraft Draft, string OutputFile, Func<string, string?> ResolveMedia) : IJobRequest
{
    /// <summary>The quietest loudness target, in LUFS (the lower end of ffmpeg <c>loudnorm</c>'s <c>I</c>).</summary>
    public const double MinTargetLufs = -70;

    /// <summary>The loudest loudness target, in LUFS (the upper end of ffmpeg <c>loudnorm</c>'s <c>I</c>).</summary>
    public const double MaxTargetLufs = -5;

    /// <summary>The loudness target of the streaming platforms, in LUFS: the default.</summary>
    public const double DefaultTargetLufs = -14;

    /// <summary>The field of <see cref="TargetLufs"/>.</summary>
    public const string TargetLufsField = "target_lufs";

    /// <summary>The field of <see cref="Background"/>.</summary>
    public const string BackgroundField = "background";

    /// <summary>Container, codecs and quality (default MP4 at high quality, as the contract's export, from the draft-render table <see cref="OutputSpecs.ForRender"/>); GIF has no sound.</summary>
    public OutputSpec Spec { get; init; } = OutputSpecs.ForRender(OutputFormat.Mp4, OutputQuality.High);

    /// <summary>Integrated loudness target of the mix in LUFS (EBU R128 via ffmpeg <c>loudnorm</c>), <see cref="MinTargetLufs"/> to <see cref="MaxTargetLufs"/>; null leaves levels as mixed (peaks limited to -1 dBFS).</summary>
    public double? TargetLufs { get; init; } = DefaultTargetLufs;

    /// <summary>Canvas colour behind the bottom layer, ffmpeg colour syntax: a name (<c>black</c>) or <c>0xRRGGBB</c>.</summary>
    public string Background { get; init; } = "black";

    /// <summary>
    /// Whether an H.264 render may be split into chunks rendered in parallel and joined by stream copy
    /// (default true; the joined file equals a one-pass render in frames and duration). False renders in one pass.
    /// </summary>
    public bool AllowChunks { get; init; } = true;

    /// <summary>
    /// When set, only these frames of the timeline are rendered (output frame 0 is <see cref="FrameWindow.First"/>), in
    /// one pass: a render chunk. It must not start or end strictly inside a transition (<see cref="Chunks.RenderChunkPlanner"/>).
    /// Null renders the whole timeline.
    /// </summary>
    public FrameWindow? Window { get; init; }

    /// <summary>The streams written: picture and sound (default), the picture only (a chunk) or the sound only (the chunks' soundtrack).</summary>
    public RenderParts Parts { get; init; } = RenderParts.VideoAndAudio;

    /// <summary>The field of <see cref="Window"/>.</summary>
    public const string WindowField = "window";

    /// <summary>When set, ffmpeg's command line and log are appended here.</summary>
    public string? LogFile { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(Draft is not null, JobErrorCodes.Required, JobFields.Request, "a draft is required");
        errors.Require(!string.IsNullOrWhiteSpace(OutputFile), JobErrorCodes.Required, JobFields.Output, "is required");
        errors.Require(ResolveMedia is not null, JobErrorCodes.Required, JobFields.Request, "a way to find the media is required");
        errors.Require(Spec is not null, JobErrorCodes.Required, JobFields.Format, "is required");
        if (TargetLufs is { } lufs && !(lufs >= MinTargetLufs && lufs <= MaxTargetLufs))
            errors.Add(JobErrorCodes.OutOfRange, TargetLufsField, $"must be between {MinTargetLufs:0} and {MaxTargetLufs:0} LUFS");
        errors.Require(IsColor(Background), JobErrorCodes.UnknownValue, BackgroundField, "must be a colour name or 0xRRGGBB");
        if (Window is { } w && (w.First < 0 || w.Count < 1))
            errors.Add(JobErrorCodes.OutOfRange, WindowField, "must start at frame 0 or later and hold at least one frame");
        errors.Require(Parts != RenderParts.Frame, JobErrorCodes.UnknownValue, WindowField, "one frame is rendered by DraftFrameRenderer");
        return errors.Errors;
    }

    private static bool IsColor(string? c) =>
        c is { Length: > 0 and <= 32 } && (c.All(char.IsAsciiLetter)
            || (c.StartsWith("0x", StringComparison.Ordinal) && c.Length is 8 or 10 && c.Skip(2).All(char.IsAsciiHexDigit)));
}
