using System.Globalization;
using System.Text;
using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Probe;

/// <summary>
/// Probes media files with ffprobe: the container is sniffed from the bytes first (playlists
/// refused), then ffprobe runs with that demuxer forced and the protocol whitelist, and its JSON
/// is parsed into <see cref="MediaInfo"/>. A demux-only packet scan measures frame counts and VFR.
/// </summary>
public sealed partial class MediaProber
{
    private readonly FFmpegTools _tools;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a prober.</summary>
    /// <param name="tools">Where ffprobe is.</param>
    /// <param name="timeout">Wall-clock limit per ffprobe call (default 60 s).</param>
    public MediaProber(FFmpegTools tools, TimeSpan? timeout = null)
    {
        _tools = tools;
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>Probes <paramref name="path"/>.</summary>
    /// <param name="path">A local media file.</param>
    /// <param name="measureFrames">Also scan the video packets (demux only, no decode) for an exact frame count and VFR.</param>
    /// <param name="cancellationToken">Cancels and kills ffprobe.</param>
    /// <exception cref="MediaProbeException">When the file is missing, empty, refused, not media ffprobe can read, or has neither audio nor video.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires.</exception>
    public async Task<MediaInfo> ProbeAsync(string path, bool measureFrames = true, CancellationToken cancellationToken = default)
    {
        var container = MediaSniffer.Sniff(path);
        var args = BaseArgs(container).Concat(["-show_format", "-show_streams", "-show_chapters", "-show_error", MediaPath.ForFFmpeg(path)]).ToList();
        var (json, stderr) = await RunProbeAsync(args, path, cancellationToken).ConfigureAwait(false);
        FFprobeOutput? raw;
        try { raw = JsonSerializer.Deserialize(json, FFprobeJsonContext.Default.FFprobeOutput); }
        catch (JsonException e) { throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(path)}' could not be read as media (unexpected ffprobe output)", e); }
        if (raw?.Format is null || raw.Error is not null)
            throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(path)}' is not readable media: {raw?.Error?.Text ?? "no format found"}");
        var info = WithRefusedSize(Parse(raw, path, container), stderr);
        if (info.Video is null && info.Audio is null)
            throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(path)}' has no audio or video stream (only {Describe(info.Streams)})");
        if (measureFrames && info.Video is { } v && !info.IsStillImage)
        {
            var index = await ScanPacketsAsync(info, cancellationToken: cancellationToken).ConfigureAwait(false);
            var measured = v with
            {
                FrameCount = index.IsComplete ? index.Count : v.FrameCount,
                IsVariableFrameRate = index.Count >= 3 ? index.IsVariableFrameRate : null,
            };
            info = info with { Streams = info.Streams.Select(s => s == v ? measured : s).ToList() };
        }
        return info;
    }

    /// <summary>
    /// Lists the packets of the first video stream in presentation order (demux only: fast),
    /// up to <paramref name="maxPackets"/>: their pts, duration, keyframe flags and sizes.
    /// </summary>
    /// <exception cref="MediaProbeException">When the file has no video stream or cannot be read.</exception>
    public async Task<PacketIndex> ScanPacketsAsync(MediaInfo info, int maxPackets = 200_000, CancellationToken cancellationToken = default)
    {
        var video = info.Video ?? throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(info.Path)}' has no video stream");
        var args = BaseArgs(info.Container).Concat([
            "-select_streams", video.Index.ToString(CultureInfo.InvariantCulture),
            "-show_entries", "packet=pts,dts,duration,size,flags", "-print_format", "csv=p=0",
            "-read_intervals", "%+#" + maxPackets.ToString(CultureInfo.InvariantCulture),
            MediaPath.ForFFmpeg(info.Path)]).ToList();
        var packets = new List<PacketInfo>();
        var result = await ProcessRunner.RunAsync(_tools.FFprobePath, args, line =>
        {
            var parts = line.Split(',');
            // ffprobe prints the fields in its own order: pts, dts, duration, size, flags.
            if (parts.Length < 5) return;
            long? pts = long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
            long? dts = long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : null;
            long? dur = long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : null;
            var size = int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var z) ? z : 0;
            var key = parts[4].Contains('K', StringComparison.Ordinal);
            var discard = parts[4].Contains('D', StringComparison.Ordinal);
            if (!discard && (pts ?? dts) is { } t) packets.Add(new PacketInfo(t, dur ?? 0, key, size));
        }, null, _timeout, cancellationToken).ConfigureAwait(false);
        if (result.TimedOut) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"scanning '{Path.GetFileName(info.Path)}' took longer than {_timeout.TotalSeconds:0} s");
        if (result.ExitCode != 0) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(info.Path)}' could not be read: {FFmpegRunner.Summarise(result.StderrTail, args)}");
        packets.Sort((a, b) => a.Pts.CompareTo(b.Pts));
        return new PacketIndex(video.TimeBase, packets, packets.Count < maxPackets);
    }

    private static IEnumerable<string> BaseArgs(ContainerFormat container) =>
    [
        "-hide_banner", "-v", "error", "-protocol_whitelist", FFmpegCommand.ProtocolWhitelist,
        "-f", container.Demuxer(), "-format_whitelist", container.Demuxer(), "-print_format", "json",
    ];

    /// <summary>
    /// A picture ffmpeg refuses to decode for its size (libavutil's image size check: "Picture size
    /// 40000x40000 is invalid") is probed with width and height 0; the size it declared is in the
    /// log, and is put back so that the size limits can name it instead of calling the file damaged.
    /// </summary>
    private static MediaInfo WithRefusedSize(MediaInfo info, IReadOnlyList<string> stderr)
    {
        if (info.Video is not { } v || (v.Width > 0 && v.Height > 0)) return info;
        foreach (var line in stderr)
        {
            var m = RefusedSize().Match(line);
            if (!m.Success) continue;
            if (!int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || w <= 0 || h <= 0) continue;
            var sized = v with { Width = w, Height = h };
            return info with { Streams = info.Streams.Select(s => s == v ? sized : s).ToList() };
        }
        return info;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Picture size (\d{1,9})x(\d{1,9}) is invalid")]
    private static partial System.Text.RegularExpressions.Regex RefusedSize();

    private async Task<(string Json, IReadOnlyList<string> Stderr)> RunProbeAsync(List<string> args, string path, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var result = await ProcessRunner.RunAsync(_tools.FFprobePath, args, l => sb.AppendLine(l), null, _timeout, ct).ConfigureAwait(false);
        if (result.TimedOut) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"probing '{Path.GetFileName(path)}' took longer than {_timeout.TotalSeconds:0} s");
        if (result.ExitCode != 0)
        {
            // ffprobe -show_error reports the failure in JSON as well; prefer it.
            var text = sb.ToString();
            try
            {
                var raw = JsonSerializer.Deserialize(text, FFprobeJsonContext.Default.FFprobeOutput);
                if (raw?.Error?.Text is { } e) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(path)}' is not readable media: {e}{Detail(result.StderrTail, e, args)}");
            }
            catch (JsonException) { }
            throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(path)}' is not readable media: {FFmpegRunner.Summarise(result.StderrTail, args)}");
        }
        return (sb.ToString(), result.StderrTail);
    }

    private static string Describe(IReadOnlyList<StreamInfo> streams) =>
        streams.Count == 0 ? "no streams at all" : string.Join(", ", streams.Select(st => $"{st.Kind} {st.Codec}").Distinct());

    /// <summary>
    /// The demuxer's own reason, when it logged one besides the generic error (e.g. "moov atom
    /// not found" behind "Invalid data found when processing input"), as " (reason)"; else "".
    /// </summary>
    private static string Detail(IReadOnlyList<string> stderrTail, string error, IReadOnlyList<string> args)
    {
        var reason = stderrTail.Select(FFmpegLogLine.Parse)
            .Where(l => l.Component is not null)
            .Select(l => l.Text.Trim())
            .FirstOrDefault(t => t.Length > 0 && !t.Contains(error, StringComparison.Ordinal));
        if (reason is null) return "";
        reason = PathRedaction.Redact(reason, args);
        return $" ({(reason.Length > 120 ? reason[..120] + "..." : reason)})";
    }

    internal static MediaInfo Parse(FFprobeOutput raw, string path, ContainerFormat container)
    {
        var format = raw.Format!;
        var streams = raw.Streams.Select(ParseStream).ToList();
        var durationMs = SecondsToMs(format.Duration) ?? streams.Max(s => s.DurationMs);
        if (container.IsStillImage()) durationMs = null;
        var chapters = raw.Chapters.Select((c, i) =>
        {
            var tb = Rational.ParseOrUnknown(c.TimeBase);
            return new ChapterInfo(i, TicksToMs(c.Start, tb), TicksToMs(c.End, tb), Tag(c.Tags, "title"));
        }).ToList();
        return new MediaInfo
        {
            Path = Path.GetFullPath(path),
            Container = container,
            FormatName = format.FormatName ?? container.Demuxer(),
            FormatLongName = format.FormatLongName,
            DurationMs = durationMs,
            StartTimeUs = SecondsToUs(format.StartTime) ?? 0,
            SizeBytes = long.TryParse(format.Size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : new FileInfo(path).Length,
            BitRate = ParseLong(format.BitRate),
            Streams = streams,
            Chapters = chapters,
            Tags = Lower(format.Tags),
        };
    }

    private static StreamInfo ParseStream(FFprobeStream s)
    {
        var tb = Rational.ParseOrUnknown(s.TimeBase);
        long? durationMs = s.DurationTs is { } dts && tb.IsPositive ? TicksToMs(dts, tb) : SecondsToMs(s.Duration);
        var tags = Lower(s.Tags);
        switch (s.CodecType)
        {
            case "video":
                var sar = Rational.ParseOrUnknown(s.SampleAspectRatio);
                if (!sar.IsPositive) sar = new Rational(1, 1);
                var dar = Rational.ParseOrUnknown(s.DisplayAspectRatio);
                // ffprobe leaves DAR out when the container does not state it: it is width × SAR / height.
                if (!dar.IsPositive && s.Width is > 0 && s.Height is > 0) dar = new Rational(s.Width.Value * sar.Num, s.Height.Value * sar.Den);
                return new VideoStreamInfo
                {
                    Index = s.Index, Codec = s.CodecName ?? "unknown", CodecLongName = s.CodecLongName, Profile = s.Profile,
                    TimeBase = tb, DurationMs = durationMs, BitRate = ParseLong(s.BitRate), Tags = tags,
                    Width = s.Width ?? 0, Height = s.Height ?? 0,
                    SampleAspectRatio = sar,
                    DisplayAspectRatio = dar,
                    AverageFrameRate = Rational.ParseOrUnknown(s.AverageFrameRate),
                    RealFrameRate = Rational.ParseOrUnknown(s.RealFrameRate),
                    FrameCount = ParseLong(s.FrameCount),
                    PixelFormat = s.PixelFormat, ColorSpace = s.ColorSpace, ColorTransfer = s.ColorTransfer,
                    ColorPrimaries = s.ColorPrimaries, ColorRange = s.ColorRange, FieldOrder = s.FieldOrder,
                    RotationDegrees = Rotation(s, tags),
                    IsAttachedPicture = s.Disposition?.GetValueOrDefault("attached_pic") == 1,
                };
            case "audio":
                return new AudioStreamInfo
                {
                    Index = s.Index, Codec = s.CodecName ?? "unknown", CodecLongName = s.CodecLongName, Profile = s.Profile,
                    TimeBase = tb, DurationMs = durationMs, BitRate = ParseLong(s.BitRate), Tags = tags,
                    SampleRateHz = (int)(ParseLong(s.SampleRate) ?? 0), Channels = s.Channels ?? 0, ChannelLayout = s.ChannelLayout,
                };
            default:
                return new OtherStreamInfo
                {
                    Index = s.Index, Codec = s.CodecName ?? "unknown", CodecLongName = s.CodecLongName, Profile = s.Profile,
                    TimeBase = tb, DurationMs = durationMs, BitRate = ParseLong(s.BitRate), Tags = tags,
                    CodecType = s.CodecType ?? "data",
                };
        }
    }

    private static int Rotation(FFprobeStream s, IReadOnlyDictionary<string, string> tags)
    {
        foreach (var sd in s.SideData ?? [])
            if (sd.TryGetValue("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                return (int)Math.Round(r.GetDouble());
        // Older muxers wrote a clockwise "rotate" tag instead of a display matrix.
        return tags.TryGetValue("rotate", out var tag) && int.TryParse(tag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var deg) ? -deg : 0;
    }

    private static Dictionary<string, string> Lower(Dictionary<string, string>? tags) =>
        tags is null ? new Dictionary<string, string>() : tags.GroupBy(kv => kv.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Value);

    private static string? Tag(Dictionary<string, string>? tags, string key) =>
        tags?.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static long? ParseLong(string? s) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static long? SecondsToUs(string? s) =>
        decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (long)Math.Round(v * 1_000_000m) : null;

    private static long? SecondsToMs(string? s) =>
        decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (long)Math.Round(v * 1000m) : null;

    private static long TicksToMs(long ticks, Rational timeBase) =>
        timeBase.IsPositive ? new MediaTime(ticks, timeBase).ToMilliseconds() : 0;
}
