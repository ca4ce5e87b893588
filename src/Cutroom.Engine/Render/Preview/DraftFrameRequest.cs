using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Render.Preview;

/// <summary>One frame of a draft as a JPEG, for scrubbing: the picture the export shows at <see cref="At"/>.</summary>
/// <param name="Draft">The draft, checked.</param>
/// <param name="At">The time on the timeline (the frame shown at that time: <c>floor(at × fps)</c>), from 0 to the draft's end.</param>
/// <param name="OutputFile">The JPEG to write (replaced when it exists).</param>
/// <param name="ResolveMedia">Maps a segment's <c>src</c> to a local file; null when unknown.</param>
public sealed record DraftFrameRequest(RenderableDraft Draft, MediaTime At, string OutputFile, Func<string, string?> ResolveMedia) : IJobRequest
{
    /// <summary>The field of <see cref="At"/>.</summary>
    public const string AtField = "at";

    /// <summary>The field of <see cref="Height"/>.</summary>
    public const string HeightField = "height";

    /// <summary>The frame's height in pixels: the draft scaled as its preview (<see cref="DraftPreview.Scaled"/>); null for the draft's own size.</summary>
    public int? Height { get; init; } = DraftPreview.DefaultHeight;

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(Draft is not null, JobErrorCodes.Required, JobFields.Request, "a draft is required");
        errors.Require(!string.IsNullOrWhiteSpace(OutputFile), JobErrorCodes.Required, JobFields.Output, "is required");
        errors.Require(ResolveMedia is not null, JobErrorCodes.Required, JobFields.Request, "a way to find the media is required");
        if (At < MediaTime.Zero || (Draft is not null && At > MediaTime.FromMilliseconds(Draft.Draft.DurationMs)))
            errors.Add(JobErrorCodes.OutOfRange, AtField, $"must be between 0 and the draft's end ({MediaTime.FromMilliseconds(Draft?.Draft.DurationMs ?? 0).ToClock()})");
        if (Height is { } h && (h < DraftPreview.MinHeight || h > 4320))
            errors.Add(JobErrorCodes.OutOfRange, HeightField, $"must be between {DraftPreview.MinHeight} and 4320 pixels");
        return errors.Errors;
    }
}
