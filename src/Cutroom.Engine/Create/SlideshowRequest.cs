using System.Globalization;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Create;

/// <summary>
/// What a slideshow ("combine these photos and our logo into a 30-second video with music and text")
/// is made of: the request of <see cref="SlideshowBuilder"/>, the same from the CLI and the agent.
/// </summary>
public sealed record SlideshowRequest : IJobRequest
{
    /// <summary>The most photos and clips in one slideshow.</summary>
    public const int MaxItems = 200;

    /// <summary>The shortest slideshow, ms (1 s).</summary>
    public const long MinDurationMs = 1000;

    /// <summary>The longest slideshow, ms (1 hour).</summary>
    public const long MaxDurationMs = 3_600_000;

    /// <summary>Field names of this request beyond <see cref="JobFields"/> (the items are <see cref="JobFields.Input"/>).</summary>
    public static class Fields
    {
        /// <summary>The canvas aspect.</summary>
        public const string Aspect = "aspect";
        /// <summary>The frame rate.</summary>
        public const string FrameRate = "fps";
        /// <summary>The transition between items.</summary>
        public const string Transition = "transition";
        /// <summary>The motion of the photos.</summary>
        public const string Motion = "motion";
        /// <summary>How pictures fill the canvas.</summary>
        public const string Fit = "fit";
        /// <summary>The background music.</summary>
        public const string Music = "music";
        /// <summary>The logo.</summary>
        public const string Logo = "logo";
    }

    /// <summary>The value of <see cref="Motion"/> that alternates gentle zooms and pans.</summary>
    public const string AutoMotion = "auto";

    /// <summary>The value of <see cref="Transition"/> for plain cuts.</summary>
    public const string NoTransition = "none";

    /// <summary>Photos and clips, in order (files, or media ids that <see cref="ResolveMedia"/> knows); field <see cref="JobFields.Input"/>.</summary>
    public required IReadOnlyList<string> Items { get; init; }
    /// <summary>Maps an item, the music or the logo to a local file; null: they are file paths already.</summary>
    public Func<string, string>? ResolveMedia { get; init; }
    /// <summary>The name shown for an item, the music or the logo (segment labels, messages), by id; null or a null answer: the file's name.</summary>
    public Func<string, string?>? DisplayName { get; init; }
    /// <summary>Background music, faded out over the last 2 s; null for none.</summary>
    public string? Music { get; init; }
    /// <summary>Music volume 0-2 (default 0.8; clip sound stays at 1).</summary>
    public double MusicVolume { get; init; } = 0.8;
    /// <summary>A logo drawn in a corner for the whole video; null for none.</summary>
    public string? Logo { get; init; }
    /// <summary>Logo corner (<c>top-left</c>, <c>top-right</c>, <c>bottom-left</c>, <c>bottom-right</c>).</summary>
    public string LogoPosition { get; init; } = "top-right";
    /// <summary>A title shown over the first seconds (min(4 s, a third of the video)); null for none.</summary>
    public string? Title { get; init; }
    /// <summary>Captions: the n-th is shown at the bottom during the n-th item.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
    /// <summary>Total duration (default 30 s), from <see cref="MinDurationMs"/> to <see cref="MaxDurationMs"/>. Clips keep their length up to an equal share; photos share the rest.</summary>
    public MediaTime Duration { get; init; } = MediaTime.FromMilliseconds(30_000);
    /// <summary>An aspect of <see cref="Canvas.Presets"/>: 16:9 (1920x1080), 9:16 (1080x1920), 1:1 (1080x1080), 4:5 (1080x1350).</summary>
    public string Aspect { get; init; } = "16:9";
    /// <summary>A smaller canvas (width, height in pixels, even) instead of the aspect's full size, e.g. for previews; null for the full size. Checked with the draft.</summary>
    public (int Width, int Height)? Size { get; init; }
    /// <summary>Frames per second (default 30), a whole number from <see cref="DraftLimits.MinFps"/> to <see cref="DraftLimits.MaxFps"/> (a draft's rate).</summary>
    public Rational FrameRate { get; init; } = new(30, 1);
    /// <summary>Transition between items (an xfade name, or crossfade); null or <see cref="NoTransition"/> for cuts.</summary>
    public string? Transition { get; init; } = TransitionTypes.Fade;
    /// <summary>Transition length (default 800 ms), at most half of the item it leads into.</summary>
    public MediaTime TransitionDuration { get; init; } = MediaTime.FromMilliseconds(800);
    /// <summary>Ken Burns motion on photos: <see cref="AutoMotion"/> (alternating gentle zooms and pans), "none", or one motion for all.</summary>
    public string Motion { get; init; } = AutoMotion;
    /// <summary>How pictures fill the canvas: cover (default), contain or blur.</summary>
    public string Fit { get; init; } = Fits.Cover;

    /// <summary>The canvas of <see cref="Aspect"/>, or null when it is not a preset.</summary>
    public Canvas? AspectCanvas => Canvas.ForAspect(Aspect);

    /// <summary>The transition as a draft stores it, or null for cuts (or an unknown name, which <see cref="Validate"/> reports).</summary>
    public string? TransitionType => Transition is null || Transition == NoTransition ? null : TransitionTypes.Normalize(Transition);

    /// <summary>Every problem of the request, found without reading any media.</summary>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(Items is { Count: > 0 }, JobErrorCodes.Required, JobFields.Input, "give at least one photo or clip");
        errors.Require(Items is not { Count: > MaxItems }, JobErrorCodes.OverLimit, JobFields.Input,
            N($"at most {MaxItems} photos and clips (got {Items?.Count})"));
        errors.Require(Duration >= MediaTime.FromMilliseconds(MinDurationMs),
            JobErrorCodes.OutOfRange, JobFields.Duration, "must be between 1 s and 1 hour");
        errors.Require(Duration <= MediaTime.FromMilliseconds(MaxDurationMs),
            JobErrorCodes.OverLimit, JobFields.Duration, "must be between 1 s and 1 hour");
        errors.Require(FrameRate.Den == 1 && FrameRate.Num is >= DraftLimits.MinFps and <= DraftLimits.MaxFps, JobErrorCodes.OutOfRange, Fields.FrameRate,
            N($"must be a whole number from {DraftLimits.MinFps} to {DraftLimits.MaxFps} (got {FrameRate})"));
        errors.Require(AspectCanvas is not null, JobErrorCodes.UnknownValue, Fields.Aspect,
            $"must be one of {string.Join(", ", Canvas.Presets.Select(c => c.Aspect))} (got '{Aspect}')");
        errors.Require(Transition is null || Transition == NoTransition || TransitionType is not null, JobErrorCodes.UnknownValue, Fields.Transition,
            $"must be none or a transition such as {string.Join(", ", TransitionTypes.All.Take(8))}... (got '{Transition}')");
        errors.Require(Motion == AutoMotion || Motions.All.Contains(Motion), JobErrorCodes.UnknownValue, Fields.Motion,
            $"must be {AutoMotion} or one of {string.Join(", ", Motions.All)} (got '{Motion}')");
        errors.Require(Fits.All.Contains(Fit), JobErrorCodes.UnknownValue, Fields.Fit, $"must be one of {string.Join(", ", Fits.All)} (got '{Fit}')");
        return errors.Errors;
    }

    private static string N(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
