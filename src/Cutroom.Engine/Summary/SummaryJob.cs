using System.Globalization;
using System.Text.Json;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.ContactSheets;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Shots;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Summary;

/// <summary>
/// <c>cutroom summary FILE -o DIR</c>: from one analysis pass, writes <c>summary.json</c>,
/// <c>summary.md</c>, a thumbnail per chapter, <c>storyboard.jpg</c> (the chapter thumbnails in a
/// grid with their times) and exports of the shots and chapters as CSV and CMX 3600 EDL, plus the
/// shots as OpenTimelineIO. Audio-only input gives a summary without shots, pictures or EDLs.
/// The folder appears complete or not at all.
/// </summary>
public sealed class SummaryJob : IJob<SummaryRequest, SummaryDocument>
{
    private const int ThumbnailWidth = 320;
    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public SummaryJob(EngineContext ctx) => _ctx = ctx;

    /// <summary>Summarises the request's input into its output folder.</summary>
    /// <param name="request">A video or audio file, a new or empty folder, the analysis mode and cache use.</param>
    /// <param name="progress">Progress 0..1; may be null.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <exception cref="JobInputException">An invalid request (<see cref="SummaryRequest.Validate"/>) or an output folder that is not empty (<c>output_exists</c>).</exception>
    /// <exception cref="MediaProbeException">The input is missing, empty, not media, or a still image.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<SummaryDocument> RunAsync(SummaryRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var fractions = JobProgress.Fractions(progress);
        var info = await _ctx.Prober.ProbeAsync(request.InputPath, measureFrames: false, cancellationToken);
        using var staging = OutputStaging.ForDirectory(request.OutputDirectory);
        var record = await new MediaAnalyzer(_ctx).AnalyzeAsync(info, new AnalysisOptions { Mode = request.Analysis, UseCache = request.UseCache },
            fractions is null ? null : new InlineProgress<double>(f => fractions.Report(0.8 * f)), cancellationToken);
        var warnings = new List<string>();
        if (record.DecodeErrors > 0) warnings.Add($"the source has damaged data: the decoder concealed {record.DecodeErrors} error(s)");
        if (record.Mode == AnalysisMode.Fast) warnings.Add("long video: shots were found on keyframes only (fast analysis)");

        var chapters = ChapterBuilder.Build(record).ToList();
        if (record.Mode == AnalysisMode.Fast && info.Video is not null)
        {
            // The keyframe pass placed shot changes on the keyframe after them: decode the GOPs of
            // the chapter boundaries only, place those changes exactly, and move the chapters' ends
            // with them (the grouping, made on keyframe times, stays).
            var starts = chapters.Skip(1).Select(c => c.StartMs).ToList();
            var (refined, placed) = await new BoundaryRefiner(_ctx).RefineAsync(info, record, starts, reachMs: 0, cancellationToken);
            if (placed > 0)
            {
                var moved = chapters.Select(c => c.FirstShot > 0 && c.FirstShot < record.Shots.Count && record.Shots[c.FirstShot].StartMs == c.StartMs
                    ? refined.Shots[c.FirstShot].StartMs : c.StartMs).ToList();
                chapters = chapters.Select((c, i) => c with { StartMs = moved[i], EndMs = i + 1 < chapters.Count ? moved[i + 1] : c.EndMs }).ToList();
                record = refined;
                warnings.Add(placed == 1
                    ? "1 chapter boundary was placed on the exact frame of its shot change (only the GOP around it was decoded)"
                    : $"{placed} chapter boundaries were placed on the exact frames of their shot changes (only the GOPs around them were decoded)");
            }
        }
        string? storyboard = null;
        if (info.Video is not null)
        {
            chapters = await ThumbnailsAsync(info, chapters, staging.TempPath, cancellationToken);
            storyboard = "storyboard.jpg";
            await StoryboardAsync(chapters, staging.TempPath, storyboard, cancellationToken);
        }
        fractions?.Report(0.95);

        // Exports.
        var files = new List<string>();
        var rate = Rational.ParseOrUnknown(record.FrameRate);
        var chapterRanges = chapters.Select(c => new ShotExport.Range($"Chapter {c.Index + 1}",
            NearestFrame(c.StartMs, rate), NearestFrame(c.EndMs, rate), c.StartMs, c.EndMs)).ToList();
        void Export(string name, string text) { File.WriteAllText(Path.Combine(staging.TempPath, name), text); files.Add(name); }
        Export("chapters.csv", ShotExport.Csv(chapterRanges));
        if (record.Shots.Count > 0)
        {
            var shotRanges = ShotExport.FromShots(record.Shots);
            var title = Path.GetFileNameWithoutExtension(info.Path);
            Export("shots.csv", ShotExport.Csv(shotRanges));
            Export("shots.edl", ShotExport.Edl(shotRanges, title, record.Source, rate));
            Export("chapters.edl", ShotExport.Edl(chapterRanges, title, record.Source, rate));
            Export("shots.otio", ShotExport.Otio(shotRanges, title, info.Path, rate, record.DurationMs));
        }

        var doc = Build(info, record, chapters, storyboard, files, warnings);
        await File.WriteAllTextAsync(Path.Combine(staging.TempPath, "summary.json"), JsonSerializer.Serialize(doc, SummaryJson.Default.SummaryDocument), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(staging.TempPath, "summary.md"), SummaryText.Markdown(doc), cancellationToken);
        staging.Commit();
        fractions?.Report(1);
        return doc;
    }

    private static SummaryDocument Build(MediaInfo info, AnalysisRecord r, IReadOnlyList<Chapter> chapters, string? storyboard, List<string> files, List<string> warnings)
    {
        var v = info.Video; var a = info.Audio;
        var metadata = new SummaryMetadata(r.DurationMs, info.FormatName, info.SizeBytes, v?.Codec, v?.DisplayWidth, v?.DisplayHeight, r.FrameRate,
            v is null ? null : r.FrameCount, a?.Codec, a?.SampleRateHz, a?.Channels,
            info.Tags.TryGetValue("title", out var title) ? title : null, info.CreationTime);
        SummaryLoudness? loudness = null;
        double? silenceShare = null, speechShare = null;
        if (r.HasAudio && r.LoudnessLufs.Count > 0)
        {
            var loudest = Enumerable.Range(0, r.LoudnessLufs.Count).MaxBy(i => r.LoudnessLufs[i]);
            loudness = new SummaryLoudness(r.Loudness?.IntegratedLufs, r.Loudness?.RangeLu, r.Loudness?.TruePeakDbfs, MediaTime.FromSeconds(loudest).ToMilliseconds(), r.LoudnessLufs[loudest]);
            silenceShare = Math.Round(Math.Clamp(r.Silences.Sum(s => s.DurationMs) / (double)Math.Max(1, r.DurationMs), 0, 1), 3);
            speechShare = r.Speech.Count == 0 ? 0 : Math.Round(r.Speech.Count(s => s >= 0.5) / (double)r.Speech.Count, 3);
        }
        double? motion = r.Motion.Count > 0 ? Math.Round(r.Motion.Average(), 2) : null;
        string? level = motion switch
        {
            null => null,
            < 0.5 => "still",
            < 3 => "calm",
            < 10 => "moderately busy",
            _ => "busy",
        };
        var doc = new SummaryDocument
        {
            Source = r.Source, Metadata = metadata, AnalysisMode = r.Mode, Shots = r.Shots, Chapters = chapters, Loudness = loudness,
            SilenceShare = silenceShare, SpeechShare = speechShare, Motion = motion, MotionLevel = level, Description = "",
            Storyboard = storyboard, Files = files, Warnings = warnings,
        };
        return doc with { Description = SummaryText.Paragraph(doc) };
    }

    /// <summary>The index of the frame nearest to <paramref name="ms"/> at <paramref name="rate"/> (0 when the rate is unknown).</summary>
    private static int NearestFrame(long ms, Rational rate) =>
        rate.IsPositive ? (int)MediaTime.FromMilliseconds(ms).Rescale(rate.Invert()) : 0;

    /// <summary>Extracts the frame in the middle of each chapter as <c>chapter-NN.jpg</c>.</summary>
    private async Task<List<Chapter>> ThumbnailsAsync(MediaInfo info, List<Chapter> chapters, string folder, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "cutroom-summary-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var times = chapters.Select(c => MediaTime.FromMilliseconds((c.StartMs + c.EndMs) / 2)).ToList();
            var frames = await new FrameExtractor(_ctx).RunAsync(new FramesRequest
            {
                InputPath = info.Path, OutputDirectory = work,
                Selector = new FrameSelector.At(times), Format = ImageFormat.Jpg, Width = ThumbnailWidth, Quality = 85,
            }, null, ct);
            var result = new List<Chapter>();
            foreach (var c in chapters)
            {
                var mid = (c.StartMs + c.EndMs) / 2;
                var frame = frames.Frames.LastOrDefault(f => f.PtsMs <= mid) ?? frames.Frames[0];
                var name = string.Create(CultureInfo.InvariantCulture, $"chapter-{c.Index + 1:00}.jpg");
                File.Copy(Path.Combine(frames.OutputDirectory, frame.File), Path.Combine(folder, name));
                result.Add(c with { Thumbnail = name });
            }
            return result;
        }
        finally
        {
            try { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Tiles the chapter thumbnails (up to 4 a row) with each chapter's start time under it.</summary>
    private Task StoryboardAsync(IReadOnlyList<Chapter> chapters, string folder, string name, CancellationToken ct) =>
        LabelledGrid.WriteAsync(_ctx,
            [.. chapters.Select(c => new LabelledGrid.Tile(Path.Combine(folder, c.Thumbnail!), ContainerFormat.Jpeg, $"{c.Index + 1}  {MediaTime.ToClock(c.StartMs)}"))],
            Math.Min(4, chapters.Count), (chapters.Count + Math.Min(4, chapters.Count) - 1) / Math.Min(4, chapters.Count), ThumbnailWidth, 28,
            Path.Combine(folder, name), ImageFormat.Jpg, 88, "composing the storyboard", ct);
}
