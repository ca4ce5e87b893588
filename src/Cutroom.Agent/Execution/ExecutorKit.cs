using System.Globalization;
using System.IO.Compression;
using Cutroom.Agent.Sessions;
using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Summary;

namespace Cutroom.Agent.Execution;

/// <summary>Small helpers the executors share: media lookup, recording outputs, zips, times in words.</summary>
internal static class ExecutorKit
{
    /// <summary>The local file of a media or generated id.</summary>
    /// <exception cref="JobInputException">The id is unknown or has no file.</exception>
    public static string PathOf(ToolContext ctx, string id) =>
        ctx.Session.PathOf(id) ?? throw new JobInputException(JobErrorCodes.NotFound, JobFields.Input, ctx.T($"there is no media '{id}' in this session", $"本会话中没有素材“{id}”"));

    /// <summary>The display name of a media or generated id.</summary>
    public static string NameOf(ISessionView session, string id) =>
        session.Media.FirstOrDefault(m => m.Id == id)?.Name ?? session.Generated.FirstOrDefault(g => g.Id == id)?.Name ?? id;

    /// <summary>The upload with this id, or a generated video/image described as one.</summary>
    public static SessionMedia? MediaOf(ISessionView session, string id)
    {
        if (session.Media.FirstOrDefault(m => m.Id == id) is { } m) return m;
        if (session.Generated.FirstOrDefault(g => g.Id == id) is not { } g) return null;
        var kind = g.Kind switch { "image" => MediaKind.Image, "audio" => MediaKind.Audio, _ => MediaKind.Video };
        return new SessionMedia(g.Id, kind, g.Name) { DurationMs = g.DurationMs, Width = g.Width, Height = g.Height, Path = g.Path };
    }

    /// <summary>Records one output file in the session.</summary>
    public static Task<GeneratedMedia> RecordAsync(ToolContext ctx, string op, string group, string kind, string file, string? source,
        long? timeMs = null, long? durationMs = null, int? width = null, int? height = null) =>
        ctx.Session.AddGeneratedAsync(new GeneratedMedia("", kind, op, Path.GetFileName(file), group)
        {
            Path = Path.GetFullPath(file), SourceMediaId = source, TimeMs = timeMs, DurationMs = durationMs, Width = width, Height = height,
        }, ctx.CancellationToken);

    /// <summary>The displayed size (pixels) of a picture or video file, probed; (null, null) when it has no picture or is gone.</summary>
    /// <param name="ctx">The engine (prober).</param>
    /// <param name="file">The file.</param>
    public static async Task<(int? Width, int? Height)> SizeAsync(ToolContext ctx, string? file)
    {
        if (file is null || !File.Exists(file)) return (null, null);
        var info = await ctx.Engine.Prober.ProbeAsync(file, measureFrames: false, ctx.CancellationToken);
        return info.Video is { } v ? (v.DisplayWidth, v.DisplayHeight) : (null, null);
    }

    /// <summary>Zips <paramref name="files"/> (flat) into <paramref name="zipPath"/> through <see cref="OutputStaging"/>.</summary>
    public static string Zip(IEnumerable<string> files, string zipPath)
    {
        using var staging = OutputStaging.ForFile(zipPath);
        using (var zip = ZipFile.Open(staging.TempPath, ZipArchiveMode.Create))
            foreach (var f in files) zip.CreateEntryFromFile(f, Path.GetFileName(f), CompressionLevel.Fastest);
        staging.Commit();
        return zipPath;
    }

    /// <summary>A time in seconds for sentences (<c>1.5 s</c>, <c>1:30</c>).</summary>
    public static string Time(long ms) => ms < 60_000
        ? TimelineSummary.Seconds(ms) + " s"
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000}:{ms / 1000 % 60:D2}{(ms % 1000 == 0 ? "" : "." + (ms % 1000).ToString("D3", CultureInfo.InvariantCulture).TrimEnd('0'))}");

    /// <summary>An edit error in the user's language (the message is the timeline's English one).</summary>
    public static ToolOutcome EditFailed(ToolContext ctx, JobError error) =>
        ToolOutcome.Failed(ctx.T($"That did not change anything: {error.Message}.", $"没有修改：{error.Message}。")) with
        { Data = ToolErrors.Data(error, error.Field) };

    /// <summary>The segment with this id and its track, or null.</summary>
    public static (Track Track, Segment Segment)? Find(Draft draft, string segmentId) =>
        draft.AllSegments().Where(p => p.Segment.Id == segmentId).Select(p => ((Track, Segment)?)(p.Track, p.Segment)).FirstOrDefault();

    /// <summary>A failed outcome for a segment id that does not exist.</summary>
    public static ToolOutcome NoSegment(ToolContext ctx, string id) =>
        ToolOutcome.Failed(ctx.T($"There is no segment '{id}' on the timeline.", $"时间线上没有片段“{id}”。"));

    /// <summary>How a segment reads in a sentence: its text, label or media name.</summary>
    public static string Describe(ISessionView session, Segment s) =>
        s.Meta.Text is { } text ? $"\"{text}\"" : s.Meta.Label ?? (s.Src is null ? s.Id : NameOf(session, s.Src));
}
