using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Thumbnails;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.ContactSheets;

/// <summary>
/// Makes a contact sheet: a grid of frames evenly spread over a video, each with its timestamp
/// drawn in a strip under it. The frames come from <see cref="FrameExtractor"/> (count selector,
/// so the seek safety applies); one ffmpeg run then labels and tiles them.
/// </summary>
public sealed class ContactSheetMaker
{
    /// <summary>Height of the label strip under each tile, in pixels, relative to a 320-pixel tile.</summary>
    internal const int LabelHeight = 28;

    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public ContactSheetMaker(EngineContext ctx) => _ctx = ctx;

    /// <summary>Writes the contact sheet of <paramref name="input"/> to <paramref name="outputFile"/> (.jpg, .png or .webp).</summary>
    /// <exception cref="JobInputException">Bad layout or output extension.</exception>
    /// <exception cref="MediaProbeException">The input is missing, not media, or has no video.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<ContactSheetResult> MakeAsync(string input, string outputFile, ContactSheetOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Columns is < 1 or > 10 || options.Rows is < 1 or > 10) throw new JobInputException("--cols and --rows must be between 1 and 10", isUsage: true);
        if (options.TileWidth is < 64 or > 1920) throw new JobInputException("--tile-width must be between 64 and 1920 pixels", isUsage: true);
        var format = ThumbnailPicker.FormatOf(outputFile);
        Fonts.Require(Fonts.Sans);   // fail before decoding anything

        var work = Path.Combine(Path.GetTempPath(), "cutroom-sheet-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // Short videos may have fewer frames than cells: take what there is.
            var info = await _ctx.Prober.ProbeAsync(input, measureFrames: true, cancellationToken);
            var frameCount = (int)Math.Min(info.Video?.FrameCount ?? long.MaxValue, options.Columns * options.Rows);
            var frames = await new FrameExtractor(_ctx).ExtractAsync(input, work, new FrameExtractionOptions
            {
                Selector = new FrameSelector.Count(Math.Max(1, frameCount)),
                Format = ImageFormat.Png,
                Width = options.TileWidth,
            }, progress is null ? null : new InlineProgress<double>(f => progress.Report(0.8 * f)), cancellationToken);

            var labelHeight = Math.Max(16, LabelHeight * options.TileWidth / 320);
            using var staging = OutputStaging.ForFile(outputFile);
            await LabelledGrid.WriteAsync(_ctx,
                [.. frames.Frames.Select(f => new LabelledGrid.Tile(Path.Combine(frames.OutputDirectory, f.File), ContainerFormat.Png, MediaTime.ToClock(f.PtsMs)))],
                options.Columns, options.Rows, null, labelHeight, staging.TempPath, format, options.Quality, "composing the contact sheet", cancellationToken);
            var image = await _ctx.Prober.ProbeAsync(staging.TempPath, measureFrames: false, cancellationToken);
            staging.Commit();
            progress?.Report(1);
            return new ContactSheetResult(staging.FinalPath, image.Video?.Width ?? 0, image.Video?.Height ?? 0, frames.Frames, frames.Warnings);
        }
        finally
        {
            try { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
