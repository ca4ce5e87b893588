using System.Globalization;
using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// Typed factories for the ffmpeg filters Cutroom uses. Each names its options as the ffmpeg
/// filter documentation (ffmpeg-filters(1)) does and takes values in the units given.
/// </summary>
public static partial class Filters
{
    /// <summary><c>select</c>: passes the frames for which <paramref name="expression"/> is non-zero (variables <c>n</c>, <c>t</c>, <c>key</c>...).</summary>
    public static Filter Select(string expression) => Filter.Video("select", ("expr", expression));

    /// <summary><c>aselect</c>: the audio twin of <see cref="Select"/>.</summary>
    public static Filter ASelect(string expression) => Filter.Audio("aselect", ("expr", expression));

    /// <summary><c>scale</c> to <paramref name="width"/> x <paramref name="height"/> pixels (-2 keeps the aspect ratio with an even size).</summary>
    /// <param name="width">Width in pixels or an expression.</param>
    /// <param name="height">Height in pixels or an expression.</param>
    /// <param name="flags">Scaler (<c>bicubic</c>, <c>lanczos</c>, <c>fast_bilinear</c>...), null for the default.</param>
    public static Filter Scale(object width, object height, string? flags = null) =>
        flags is null ? Filter.Video("scale", ("w", width), ("h", height))
                      : Filter.Video("scale", ("w", width), ("h", height), ("flags", flags));

    /// <summary><c>scale</c> into a <paramref name="width"/> x <paramref name="height"/> box keeping the aspect ratio (<c>force_original_aspect_ratio=decrease</c>), even sizes.</summary>
    public static Filter ScaleToFit(int width, int height, string? flags = null) =>
        Filter.WithPads("scale", [PadKind.Video], [PadKind.Video],
            [("w", width), ("h", height), ("force_original_aspect_ratio", "decrease"), ("force_divisible_by", 2), .. (flags is null ? Array.Empty<(string, object)>() : [("flags", flags)])]);

    /// <summary><c>pad</c> to <paramref name="width"/> x <paramref name="height"/>, the picture at (<paramref name="x"/>, <paramref name="y"/>) over <paramref name="color"/>.</summary>
    public static Filter Pad(object width, object height, object x, object y, string color = "black") =>
        Filter.Video("pad", ("w", width), ("h", height), ("x", x), ("y", y), ("color", color));

    /// <summary><c>crop</c> a <paramref name="width"/> x <paramref name="height"/> window at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static Filter Crop(object width, object height, object x, object y) =>
        Filter.Video("crop", ("w", width), ("h", height), ("x", x), ("y", y));

    /// <summary><c>fps</c>: converts to a constant <paramref name="rate"/> by dropping/duplicating frames.</summary>
    /// <param name="rate">Frames per second, exact.</param>
    /// <param name="round">Timestamp rounding: <c>near</c> (default), <c>down</c>, <c>up</c>...</param>
    public static Filter Fps(Rational rate, string round = "near") =>
        Filter.Video("fps", ("fps", rate.ToString()), ("round", round));

    /// <summary><c>format</c>: converts to <paramref name="pixelFormat"/> (<c>yuv420p</c>, <c>rgb24</c>...).</summary>
    public static Filter Format(string pixelFormat) => Filter.Video("format", ("pix_fmts", pixelFormat));

    /// <summary><c>setpts</c> with an expression (<c>PTS-STARTPTS</c>).</summary>
    public static Filter SetPts(string expression) => Filter.Video("setpts", ("expr", expression));

    /// <summary><c>asetpts</c> with an expression.</summary>
    public static Filter ASetPts(string expression) => Filter.Audio("asetpts", ("expr", expression));

    /// <summary><c>setsar</c>: marks pixels square (or the given ratio).</summary>
    public static Filter SetSar(string ratio = "1") => Filter.Video("setsar", ("r", ratio));

    /// <summary><c>trim</c> to [<paramref name="startUs"/>, <paramref name="endUs"/>) of input time (µs); null ends are open.</summary>
    public static Filter Trim(long? startUs, long? endUs) =>
        Filter.WithPads("trim", [PadKind.Video], [PadKind.Video],
            [.. StartEnd(startUs, endUs)]);

    /// <summary><c>atrim</c> to [<paramref name="startUs"/>, <paramref name="endUs"/>) of input time (µs).</summary>
    public static Filter ATrim(long? startUs, long? endUs) =>
        Filter.WithPads("atrim", [PadKind.Audio], [PadKind.Audio], [.. StartEnd(startUs, endUs)]);

    /// <summary><c>trim</c> by frame index: keeps frames [<paramref name="startFrame"/>, <paramref name="endFrame"/>).</summary>
    public static Filter TrimFrames(long startFrame, long endFrame) =>
        Filter.Video("trim", ("start_frame", startFrame), ("end_frame", endFrame));

    /// <summary><c>showinfo</c>: logs each frame's <c>n</c>, <c>pts</c> and <c>pts_time</c> at info level (read by the runner).</summary>
    public static Filter ShowInfo() => Filter.Video("showinfo", ("checksum", false));

    /// <summary><c>thumbnail</c>: picks the most representative frame of each batch of <paramref name="frames"/> (histogram closest to the batch mean).</summary>
    public static Filter Thumbnail(int frames) => Filter.Video("thumbnail", ("n", frames));

    /// <summary><c>tile</c>: lays <paramref name="columns"/> x <paramref name="rows"/> frames into one picture.</summary>
    /// <param name="columns">Columns.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="margin">Outer border (pixels).</param>
    /// <param name="padding">Gap between tiles (pixels).</param>
    /// <param name="color">Background colour.</param>
    public static Filter Tile(int columns, int rows, int margin, int padding, string color) =>
        Filter.Video("tile", ("layout", string.Create(CultureInfo.InvariantCulture, $"{columns}x{rows}")), ("margin", margin), ("padding", padding), ("color", color));

    /// <summary><c>transpose</c> / rotation helpers are applied by ffmpeg's autorotate; this is the explicit form (<c>clock</c>, <c>cclock</c>...).</summary>
    public static Filter Transpose(string direction) => Filter.Video("transpose", ("dir", direction));

    /// <summary>
    /// <c>drawtext</c> of text that Cutroom itself generates (timestamps, numbers), with expansion
    /// (<c>%{pts}</c>) on. User text must never come here: use <see cref="DrawTextFile(string, string, int, string, object, object)"/>.
    /// </summary>
    public static Filter DrawGeneratedText(string text, string fontFile, int fontSize, string color, object x, object y, string? box = null) =>
        Filter.WithPads("drawtext", [PadKind.Video], [PadKind.Video],
            [("fontfile", fontFile), ("text", text), ("fontsize", fontSize), ("fontcolor", color), ("x", x), ("y", y),
             .. (box is null ? Array.Empty<(string, object)>() : [("box", 1), ("boxcolor", box), ("boxborderw", 6)])]);

    /// <summary><c>drawtext</c> reading the text from <paramref name="textFile"/> with expansion off, so user text is drawn literally.</summary>
    public static Filter DrawTextFile(string textFile, string fontFile, int fontSize, string color, object x, object y) =>
        Filter.Video("drawtext", ("fontfile", fontFile), ("textfile", textFile), ("expansion", "none"),
            ("fontsize", fontSize), ("fontcolor", color), ("x", x), ("y", y));

    /// <summary><c>signalstats</c>: per-frame luma/chroma statistics as frame metadata (<c>lavfi.signalstats.YAVG</c>...).</summary>
    public static Filter SignalStats() => Filter.Video("signalstats");

    /// <summary><c>blurdetect</c> is not in ffmpeg 5.1; sharpness is read from <c>edgedetect</c> + <c>signalstats</c> instead.</summary>
    public static Filter EdgeDetect(double low = 0.1, double high = 0.3) => Filter.Video("edgedetect", ("low", low), ("high", high));

    /// <summary><c>metadata=mode=print</c> of <paramref name="key"/> to <paramref name="file"/> (one block per frame: <c>frame:N pts:P pts_time:T</c> then <c>key=value</c>).</summary>
    public static Filter MetadataPrint(string key, string file) =>
        Filter.Video("metadata", ("mode", "print"), ("key", key), ("file", file));

    /// <summary>
    /// <c>loop</c>: repeats the first <paramref name="size"/> frames (from frame <paramref name="start"/>)
    /// <paramref name="loops"/> more times, from memory. With <c>size</c> 1 it turns one decoded still
    /// into <c>loops + 1</c> frames without decoding the file again (unlike the <c>-loop 1</c> input option).
    /// </summary>
    /// <param name="loops">Extra repetitions (-1 = forever).</param>
    /// <param name="size">Frames held and repeated (at most 32767).</param>
    /// <param name="start">Index of the first frame held.</param>
    public static Filter Loop(int loops, int size = 1, long start = 0) =>
        Filter.Video("loop", ("loop", loops), ("size", size), ("start", start));

    /// <summary><c>settb</c>: sets the time base of the stream to <paramref name="timeBase"/> (pts are rescaled).</summary>
    public static Filter SetTimeBase(Rational timeBase) => Filter.Video("settb", ("expr", timeBase.ToString()));

    /// <summary>
    /// <c>perspective</c> with <c>sense=source</c>: the output's corners (top-left, top-right, bottom-left,
    /// bottom-right; output size = input size) are sampled from the source points given, with sub-pixel
    /// precision (1/256 px, bilinear or bicubic). With <paramref name="perFrame"/> the corner expressions are
    /// evaluated for every frame (variables <c>W</c>, <c>H</c> = input size, <c>in</c> = 1-based input frame number).
    /// </summary>
    /// <param name="x0">Source x of the top-left output corner (pixels or expression).</param>
    /// <param name="y0">Source y of the top-left output corner.</param>
    /// <param name="x1">Source x of the top-right output corner.</param>
    /// <param name="y1">Source y of the top-right output corner.</param>
    /// <param name="x2">Source x of the bottom-left output corner.</param>
    /// <param name="y2">Source y of the bottom-left output corner.</param>
    /// <param name="x3">Source x of the bottom-right output corner.</param>
    /// <param name="y3">Source y of the bottom-right output corner.</param>
    /// <param name="perFrame">Evaluate the expressions per frame (<c>eval=frame</c>) rather than once.</param>
    /// <param name="interpolation"><c>linear</c> or <c>cubic</c>.</param>
    public static Filter Perspective(object x0, object y0, object x1, object y1, object x2, object y2, object x3, object y3,
        bool perFrame = true, string interpolation = "linear") =>
        Filter.Video("perspective", ("x0", x0), ("y0", y0), ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("x3", x3), ("y3", y3),
            ("interpolation", interpolation), ("sense", "source"), ("eval", perFrame ? "frame" : "init"));

    /// <summary><c>blackdetect</c>: logs <c>black_start:T black_end:T</c> for runs of at least <paramref name="minSeconds"/> s whose pixels are at least 98 % black (luma under <paramref name="pixelThreshold"/> of the range).</summary>
    public static Filter BlackDetect(double minSeconds = 0.1, double pixelThreshold = 0.1) =>
        Filter.Video("blackdetect", ("d", minSeconds), ("pix_th", pixelThreshold));

    /// <summary><c>freezedetect</c>: logs <c>freeze_start</c>/<c>freeze_end</c> for stills of at least <paramref name="minSeconds"/> s (noise tolerance <paramref name="noise"/>, 0-1).</summary>
    public static Filter FreezeDetect(double minSeconds = 2, double noise = 0.001) =>
        Filter.Video("freezedetect", ("d", minSeconds), ("n", noise));

    /// <summary><c>silencedetect</c>: logs <c>silence_start</c>/<c>silence_end</c> for audio below <paramref name="noiseDb"/> dBFS for at least <paramref name="minSeconds"/> s.</summary>
    public static Filter SilenceDetect(double noiseDb = -40, double minSeconds = 0.25) =>
        Filter.Audio("silencedetect", ("n", string.Create(CultureInfo.InvariantCulture, $"{noiseDb}dB")), ("d", minSeconds));

    /// <summary>
    /// <c>ebur128</c> (EBU R128 / ITU-R BS.1770 loudness): logs momentary and short-term loudness every
    /// 100 ms at info level and a summary (integrated, range, and with <paramref name="truePeak"/> the
    /// 4x-oversampled true peak) at the end; passes the audio through.
    /// </summary>
    public static Filter EbuR128(bool truePeak) =>
        truePeak ? Filter.Audio("ebur128", ("peak", "true"), ("framelog", "info")) : Filter.Audio("ebur128", ("framelog", "info"));

    /// <summary><c>aformat</c> to signed 16-bit samples at <paramref name="sampleRateHz"/> Hz in <paramref name="channelLayout"/> (ffmpeg resamples and downmixes as needed).</summary>
    public static Filter AFormatS16(int sampleRateHz, string channelLayout = "mono") =>
        Filter.Audio("aformat", ("sample_fmts", "s16"), ("sample_rates", sampleRateHz), ("channel_layouts", channelLayout));

    /// <summary><c>anullsink</c>: consumes audio (ends a branch that only logs).</summary>
    public static Filter ANullSink() => Filter.WithPads("anullsink", [PadKind.Audio], []);

    /// <summary><c>xfade</c>: cross-fades two videos over <paramref name="durationSeconds"/> s starting at <paramref name="offsetSeconds"/> s of the first (both inputs need the same size, rate and time base).</summary>
    public static Filter XFade(double durationSeconds, double offsetSeconds, string transition = "fade") =>
        Filter.WithPads("xfade", [PadKind.Video, PadKind.Video], [PadKind.Video], ("transition", transition), ("duration", durationSeconds), ("offset", offsetSeconds));

    /// <summary><c>acrossfade</c>: cross-fades the end of the first audio into the start of the second over <paramref name="durationSeconds"/> s.</summary>
    public static Filter ACrossFade(double durationSeconds) =>
        Filter.WithPads("acrossfade", [PadKind.Audio, PadKind.Audio], [PadKind.Audio], ("d", durationSeconds));

    /// <summary><c>settb</c>: sets the time base (e.g. <c>AVTB</c>, 1/1000000).</summary>
    public static Filter SetTimeBase(string timeBase) => Filter.Video("settb", ("expr", timeBase));

    private static IEnumerable<(string, object)> StartEnd(long? startUs, long? endUs)
    {
        if (startUs is { } s) yield return ("start", MediaTime.ToFFmpeg(s));
        if (endUs is { } e) yield return ("end", MediaTime.ToFFmpeg(e));
    }
}
