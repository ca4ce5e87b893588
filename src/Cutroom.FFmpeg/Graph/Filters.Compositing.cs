using System.Globalization;
using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// Typed factories for the filters that compose a timeline: sources, joins, layers, fades, text,
/// GIF palettes, and the soundtrack's mixing and loudness. Options are named and ordered as the
/// ffmpeg-filters(1) documentation lists them (https://ffmpeg.org/ffmpeg-filters.html); times are
/// <see cref="MediaTime"/> printed as seconds with six decimals (<see cref="MediaTime.ToFFmpeg()"/>).
/// </summary>
public static partial class Filters
{
    // ---- Video sources, joins and layers ----

    /// <summary>
    /// <c>color</c> (ffmpeg-filters "color, ... sources"): a plain <paramref name="color"/> picture of
    /// <paramref name="width"/> x <paramref name="height"/> at <paramref name="rate"/> frames per second
    /// for <paramref name="duration"/>.
    /// </summary>
    /// <param name="color">ffmpeg colour syntax (<c>black</c>, <c>0xRRGGBB</c>).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="rate">Frames per second (an integer rate prints as <c>30</c>).</param>
    /// <param name="duration">How long the source runs.</param>
    public static Filter Color(string color, int width, int height, Rational rate, MediaTime duration) =>
        Filter.WithPads("color", [], [PadKind.Video],
            ("c", color), ("s", string.Create(CultureInfo.InvariantCulture, $"{width}x{height}")), ("r", RateText(rate)), ("d", duration.ToFFmpeg()));

    /// <summary>
    /// <c>xfade</c> (ffmpeg-filters "xfade"): the <paramref name="transition"/> from the first video to the
    /// second over <paramref name="duration"/>, starting <paramref name="offset"/> into the first. Both
    /// inputs need the same size, frame rate and time base.
    /// </summary>
    /// <param name="duration">Length of the transition.</param>
    /// <param name="offset">Where in the first input it starts.</param>
    /// <param name="transition">An xfade transition name (<c>fade</c>, <c>wipeleft</c>, <c>dissolve</c>...).</param>
    public static Filter XFade(MediaTime duration, MediaTime offset, string transition = "fade") =>
        Filter.WithPads("xfade", [PadKind.Video, PadKind.Video], [PadKind.Video],
            ("transition", transition), ("duration", duration.ToFFmpeg()), ("offset", offset.ToFFmpeg()));

    /// <summary><c>concat</c> (ffmpeg-filters "concat") of <paramref name="segments"/> video-only inputs, one after the other (<c>v=1:a=0</c>).</summary>
    /// <param name="segments">How many video inputs (2 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">When fewer than 2.</exception>
    public static Filter ConcatVideo(int segments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 2);
        return Filter.WithPads("concat", [.. Enumerable.Repeat(PadKind.Video, segments)], [PadKind.Video], ("n", segments), ("v", 1), ("a", 0));
    }

    /// <summary>
    /// <c>overlay</c> (ffmpeg-filters "overlay"): draws the second input over the first at
    /// (<paramref name="x"/>, <paramref name="y"/>), expressions of <c>W,H</c> (main) and <c>w,h</c> (overlay).
    /// </summary>
    /// <param name="x">Left edge of the overlay, pixels or expression.</param>
    /// <param name="y">Top edge of the overlay, pixels or expression.</param>
    /// <param name="eofAction">What happens when the overlay ends (<c>repeat</c>, <c>endall</c>, <c>pass</c>); null leaves ffmpeg's default.</param>
    /// <param name="repeatLast">Whether the last overlay frame is repeated to the end of the main input; null leaves ffmpeg's default.</param>
    /// <param name="format">The pixel format the blend works in (<c>yuv420</c>, <c>yuv444</c>, <c>rgb</c>...); null leaves ffmpeg's default.</param>
    public static Filter Overlay(object x, object y, string? eofAction = null, bool? repeatLast = null, string? format = null) =>
        Filter.WithPads("overlay", [PadKind.Video, PadKind.Video], [PadKind.Video],
            [("x", x), ("y", y),
             .. eofAction is null ? Array.Empty<(string, object)>() : [("eof_action", eofAction)],
             .. repeatLast is { } r ? [("repeatlast", r ? 1 : 0)] : Array.Empty<(string, object)>(),
             .. format is null ? Array.Empty<(string, object)>() : [("format", format)]]);

    /// <summary><c>split</c> (ffmpeg-filters "split"): the video to <paramref name="outputs"/> identical outputs.</summary>
    /// <param name="outputs">How many outputs (2 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">When fewer than 2.</exception>
    public static Filter Split(int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 2);
        return Filter.WithPads("split", [PadKind.Video], [.. Enumerable.Repeat(PadKind.Video, outputs)], ("outputs", outputs));
    }

    /// <summary>
    /// <c>scale</c> to cover a <paramref name="width"/> x <paramref name="height"/> box keeping the aspect
    /// ratio (<c>force_original_aspect_ratio=increase</c>): one side fits, the other overflows (crop it after).
    /// </summary>
    /// <param name="width">Box width in pixels.</param>
    /// <param name="height">Box height in pixels.</param>
    /// <param name="flags">Scaler (<c>bicubic</c>, <c>fast_bilinear</c>...).</param>
    public static Filter ScaleToCover(int width, int height, string flags) =>
        Filter.Video("scale", ("w", width), ("h", height), ("force_original_aspect_ratio", "increase"), ("flags", flags));

    /// <summary><c>boxblur</c> (ffmpeg-filters "boxblur") with radius expressions of the plane size (<c>w,h</c> luma, <c>cw,ch</c> chroma).</summary>
    /// <param name="lumaRadius">Luma radius expression (<c>min(w,h)/6</c>).</param>
    /// <param name="chromaRadius">Chroma radius expression.</param>
    /// <param name="lumaPower">How many times the luma blur is applied.</param>
    public static Filter BoxBlur(string lumaRadius, string chromaRadius, int lumaPower) =>
        Filter.Video("boxblur", ("luma_radius", lumaRadius), ("chroma_radius", chromaRadius), ("luma_power", lumaPower));

    /// <summary><c>tpad</c> (ffmpeg-filters "tpad") with <c>stop_mode=clone</c>: repeats the last frame <paramref name="frames"/> more times.</summary>
    /// <param name="frames">Frames added after the end.</param>
    public static Filter HoldLastFrame(long frames) => Filter.Video("tpad", ("stop_mode", "clone"), ("stop", frames));

    /// <summary><c>fade</c> in (ffmpeg-filters "fade") from the first frame over <paramref name="duration"/>; with <paramref name="alpha"/> only the alpha plane fades.</summary>
    /// <param name="duration">Length of the fade.</param>
    /// <param name="alpha">Fade the alpha plane (to transparent) instead of to black.</param>
    public static Filter FadeIn(MediaTime duration, bool alpha) =>
        Filter.Video("fade", ("t", "in"), ("st", 0), ("d", duration.ToFFmpeg()), ("alpha", alpha));

    /// <summary><c>fade</c> out (ffmpeg-filters "fade") from <paramref name="start"/> over <paramref name="duration"/>.</summary>
    /// <param name="start">Where the fade starts, in the stream's time.</param>
    /// <param name="duration">Length of the fade.</param>
    /// <param name="alpha">Fade the alpha plane (to transparent) instead of to black.</param>
    public static Filter FadeOut(MediaTime start, MediaTime duration, bool alpha) =>
        Filter.Video("fade", ("t", "out"), ("st", start.ToFFmpeg()), ("d", duration.ToFFmpeg()), ("alpha", alpha));

    /// <summary><c>colorchannelmixer</c> (ffmpeg-filters "colorchannelmixer") scaling the alpha plane by <paramref name="opacity"/> (<c>aa</c>).</summary>
    /// <param name="opacity">0 (transparent) to 1 (unchanged).</param>
    public static Filter Opacity(double opacity) => Filter.Video("colorchannelmixer", ("aa", opacity));

    /// <summary>
    /// <c>drawtext</c> (ffmpeg-filters "drawtext") reading the text from <paramref name="textFile"/> with
    /// expansion off, so user text is drawn literally, in the <paramref name="style"/> given.
    /// </summary>
    /// <param name="textFile">The UTF-8 text file.</param>
    /// <param name="fontFile">The font file.</param>
    /// <param name="fontSize">Size in pixels.</param>
    /// <param name="color">ffmpeg colour syntax.</param>
    /// <param name="x">Left edge, pixels or expression of <c>w,h,text_w,text_h</c>.</param>
    /// <param name="y">Top edge, pixels or expression.</param>
    /// <param name="style">Line spacing, outline or shadow, box, alpha and enable expressions.</param>
    public static Filter DrawTextFile(string textFile, string fontFile, int fontSize, string color, object x, object y, DrawTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var options = new List<(string, object)>
        {
            ("fontfile", fontFile), ("textfile", textFile), ("expansion", "none"), ("fontsize", fontSize), ("fontcolor", color),
        };
        if (style.LineSpacing is { } ls) options.Add(("line_spacing", ls));
        options.AddRange([("x", x), ("y", y)]);
        if (style.BorderWidth is { } bw) options.AddRange([("borderw", bw), ("bordercolor", style.BorderColor)]);
        if (style.ShadowOffset is { } so) options.AddRange([("shadowx", so), ("shadowy", so), ("shadowcolor", style.ShadowColor)]);
        if (style.BoxColor is { } box) options.AddRange([("box", 1), ("boxcolor", box), ("boxborderw", style.BoxBorderWidth)]);
        if (style.Alpha is { } alpha) options.Add(("alpha", alpha));
        if (style.Enable is { } enable) options.Add(("enable", enable));
        return Filter.Video("drawtext", [.. options]);
    }

    // ---- GIF palettes ----

    /// <summary><c>palettegen</c> (ffmpeg-filters "palettegen"): a 256-colour palette of the whole stream, statistics by <paramref name="statsMode"/> (<c>full</c>, <c>diff</c>, <c>single</c>).</summary>
    public static Filter PaletteGen(string statsMode) => Filter.Video("palettegen", ("stats_mode", statsMode));

    /// <summary><c>paletteuse</c> (ffmpeg-filters "paletteuse"): maps the first input to the palette of the second with <paramref name="dither"/> (<c>bayer</c> at <paramref name="bayerScale"/> 0-5).</summary>
    public static Filter PaletteUse(string dither, int bayerScale) =>
        Filter.WithPads("paletteuse", [PadKind.Video, PadKind.Video], [PadKind.Video], ("dither", dither), ("bayer_scale", bayerScale));

    // ---- Audio ----

    /// <summary><c>anullsrc</c> (ffmpeg-filters "anullsrc"): endless silence at <paramref name="sampleRateHz"/> in <paramref name="channelLayout"/>.</summary>
    public static Filter ANullSrc(int sampleRateHz, string channelLayout) =>
        Filter.WithPads("anullsrc", [], [PadKind.Audio], ("r", sampleRateHz), ("cl", channelLayout));

    /// <summary>
    /// <c>amix</c> (ffmpeg-filters "amix") of <paramref name="inputs"/> audio inputs summed without
    /// normalising (<c>normalize=0</c>) and without a volume ramp when one ends (<c>dropout_transition=0</c>).
    /// </summary>
    /// <param name="inputs">How many inputs (2 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">When fewer than 2.</exception>
    public static Filter AMixSum(int inputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        return Filter.WithPads("amix", [.. Enumerable.Repeat(PadKind.Audio, inputs)], [PadKind.Audio], ("inputs", inputs), ("normalize", 0), ("dropout_transition", 0));
    }

    /// <summary>
    /// <c>loudnorm</c> (ffmpeg-filters "loudnorm", EBU R128), single pass: integrated loudness
    /// <paramref name="integratedLufs"/>, true peak at most <paramref name="truePeakDb"/> dBTP, loudness range <paramref name="loudnessRange"/> LU.
    /// </summary>
    public static Filter Loudnorm(double integratedLufs, double truePeakDb, double loudnessRange) =>
        Filter.Audio("loudnorm", ("I", integratedLufs), ("TP", truePeakDb), ("LRA", loudnessRange));

    /// <summary><c>alimiter</c> (ffmpeg-filters "alimiter"): peaks above <paramref name="limit"/> (linear, 0.0625-1) are limited; <paramref name="autoLevel"/> off keeps the level.</summary>
    public static Filter ALimiter(double limit, bool autoLevel) => Filter.Audio("alimiter", ("limit", limit), ("level", autoLevel));

    /// <summary><c>aresample</c> (ffmpeg-filters "aresample") to <paramref name="sampleRateHz"/> Hz.</summary>
    public static Filter AResample(int sampleRateHz) => Filter.Audio("aresample", ("out_sample_rate", sampleRateHz));

    /// <summary><c>aformat</c> (ffmpeg-filters "aformat") to <paramref name="sampleFormat"/> samples (<c>fltp</c>, <c>s16</c>) in <paramref name="channelLayout"/>.</summary>
    public static Filter AFormat(string sampleFormat, string channelLayout) =>
        Filter.Audio("aformat", ("sample_fmts", sampleFormat), ("channel_layouts", channelLayout));

    /// <summary><c>apad</c> (ffmpeg-filters "apad") without options: silence after the end, for ever (cut it with <see cref="ATrim"/>).</summary>
    public static Filter APad() => Filter.Audio("apad");

    /// <summary><c>apad</c> with <c>whole_dur</c>: silence after the end until the stream lasts at least <paramref name="duration"/>.</summary>
    public static Filter APadTo(MediaTime duration) => Filter.Audio("apad", ("whole_dur", duration.ToFFmpeg()));

    /// <summary><c>aloop</c> (ffmpeg-filters "aloop"): repeats the first <paramref name="samples"/> samples <paramref name="loops"/> more times (-1: for ever).</summary>
    public static Filter ALoop(int loops, long samples) => Filter.Audio("aloop", ("loop", loops), ("size", samples));

    /// <summary><c>atempo</c> (ffmpeg-filters "atempo"): changes the speed by <paramref name="tempo"/> (0.5-100) keeping the pitch.</summary>
    public static Filter ATempo(double tempo) => Filter.Audio("atempo", ("tempo", tempo));

    /// <summary><c>volume</c> (ffmpeg-filters "volume"): multiplies the samples by <paramref name="factor"/>.</summary>
    public static Filter Volume(double factor) => Filter.Audio("volume", ("volume", factor));

    /// <summary><c>afade</c> in (ffmpeg-filters "afade") from the start over <paramref name="duration"/>.</summary>
    public static Filter AFadeIn(MediaTime duration) => Filter.Audio("afade", ("t", "in"), ("st", 0), ("d", duration.ToFFmpeg()));

    /// <summary><c>afade</c> out from <paramref name="start"/> over <paramref name="duration"/>.</summary>
    public static Filter AFadeOut(MediaTime start, MediaTime duration) =>
        Filter.Audio("afade", ("t", "out"), ("st", start.ToFFmpeg()), ("d", duration.ToFFmpeg()));

    /// <summary><c>adelay</c> (ffmpeg-filters "adelay") of every channel (<c>all=1</c>) by <paramref name="delay"/>, in whole milliseconds (rounded down).</summary>
    public static Filter ADelay(MediaTime delay) =>
        Filter.Audio("adelay", ("delays", WholeMilliseconds(delay).ToString(CultureInfo.InvariantCulture)), ("all", 1));

    /// <summary>Whole milliseconds rounded down: the index of the 1 ms tick the time falls in.</summary>
    private static long WholeMilliseconds(MediaTime time) => time.ToFrameIndex(new Rational(1000, 1));

    private static string RateText(Rational rate) =>
        rate.Den == 1 ? rate.Num.ToString(CultureInfo.InvariantCulture) : rate.ToString();
}
