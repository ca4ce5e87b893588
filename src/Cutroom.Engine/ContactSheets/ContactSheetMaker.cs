using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;

namespace Cutroom.Engine.ContactSheets;

/// <summary>
/// Makes a contact sheet: a grid of frames evenly spread over a video, each with its timestamp
/// drawn in a strip under it. The frames come from <see cref="FrameExtractor"/> (count selector,
/// so the seek safety applies); one ffmpeg run then labels and tiles them.
/// </summary>
public sealed class ContactSheetMaker : IJob<ContactSheetRequest, ContactSheetResult>
{
    /// <summary>Height of the label strip under each tile, in pixels, relative to a 320-pixel tile.</summary>
    internal const int LabelHeight = 28;

    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public ContactSheetMaker(EngineContext ctx) => _ctx = ctx;

    /// <summary>Writes the contact sheet of the request's video to its output (.jpg, .png or .webp).</summary>
    /// <param name="request">Input, output image, layout, quality.</param>
    /// <param name="progress">Progress 0..1.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <returns>The image written and the frames it shows.</returns>
    /// <exception cref="JobInputException">The request is invalid (<see cref="ContactSheetRequest.Validate"/>); the output is a folder (<c>output_exists</c>).</exception>
    /// <exception cref="MediaProbeException">The input is missing, not media, or has no video.</exception>
    /// <exception cref="ToolMissingException">The label font is not installed.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<ContactSheetResult> RunAsync(ContactSheetRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        request.ThrowIfInvalid();
        var format = request.Format;
        Fonts.Require(Fonts.Sans);   // fail before decoding anything

        var work = Path.Combine(Path.GetTempPath(), "cutroom-sheet-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // Short videos may have fewer frames than cells: take what there is.
            var info = await _ctx.Prober.ProbeAsync(request.InputPath, measureFrames: true, cancellationToken);
            var frameCount = (int)Math.Min(info.Video?.FrameCount ?? long.MaxValue, request.Columns * request.Rows);
            var frames = await new FrameExtractor(_ctx).RunAsync(new FramesRequest
            {
                InputPath = request.InputPath,
                OutputDirectory = work,
                Selector = new FrameSelector.Count(Math.Max(1, frameCount)),
                Format = ImageFormat.Png,
                Width = request.TileWidth,
            }, progress is null ? null : new InlineProgress<JobProgress>(p => progress.Report(p with { Fraction = 0.8 * p.Fraction })), cancellationToken);

            var labelHeight = Math.Max(16, LabelHeight * request.TileWidth / 320);
            using var staging = OutputStaging.ForFile(request.OutputPath);
            await LabelledGrid.WriteAsync(_ctx,
                [.. frames.Frames.Select(f => new LabelledGrid.Tile(Path.Combine(frames.OutputDirectory, f.File), ContainerFormat.Png, MediaTime.FromMilliseconds(f.PtsMs).ToClock()))],
                request.Columns, request.Rows, null, labelHeight, staging.TempPath, format, request.Quality, "composing the contact sheet", cancellationToken);
            var image = await _ctx.Prober.ProbeAsync(staging.TempPath, measureFrames: false, cancellationToken);
            staging.Commit();
            progress?.Report(new JobProgress(1));
            return new ContactSheetResult(staging.FinalPath, image.Video?.Width ?? 0, image.Video?.Height ?? 0, frames.Frames, frames.Warnings);
        }
        finally
        {
            try { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
