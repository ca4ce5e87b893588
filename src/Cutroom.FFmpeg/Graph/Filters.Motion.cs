namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// Typed factories for the filters that lay still pictures onto a canvas and animate them (the
/// animate job, slideshow stills): flips, the colour-converting scale, the blurred fill, the
/// overlay, and the silent audio source. Option names and meanings are those of ffmpeg-filters(1)
/// (https://ffmpeg.org/ffmpeg-filters.html), section named on each factory; options are always
/// named and their values escaped by <see cref="FilterEscaping"/> when the graph is printed.
/// </summary>
public static partial class Filters
{
    /// <summary><c>hflip</c>: mirrors the picture left to right (ffmpeg-filters, "hflip").</summary>
    public static Filter HFlip() => Filter.Video("hflip");

    /// <summary><c>vflip</c>: flips the picture upside down (ffmpeg-filters, "vflip").</summary>
    public static Filter VFlip() => Filter.Video("vflip");

    /// <summary>
    /// <c>scale</c> to exactly <paramref name="width"/> x <paramref name="height"/> pixels that also sets
    /// the YUV matrix and range of the output (ffmpeg-filters, "scale": options <c>w</c>, <c>h</c>,
    /// <c>flags</c>, <c>out_color_matrix</c>, <c>out_range</c>). Used from RGB input, where the
    /// conversion to the matrix is exact.
    /// </summary>
    /// <param name="width">Output width, pixels.</param>
    /// <param name="height">Output height, pixels.</param>
    /// <param name="flags">The scaler (<c>lanczos</c>, <c>bilinear</c>, <c>bicubic</c>...).</param>
    /// <param name="outColorMatrix">The output YUV matrix (<c>bt709</c>, <c>bt601</c>...).</param>
    /// <param name="outRange">The output range: <c>tv</c> (limited) or <c>pc</c> (full).</param>
    public static Filter ScaleWithMatrix(int width, int height, string flags, string outColorMatrix, string outRange) =>
        Filter.Video("scale", ("w", width), ("h", height), ("flags", flags), ("out_color_matrix", outColorMatrix), ("out_range", outRange));

    /// <summary>
    /// <c>boxblur</c>: a box blur of each plane, applied <c>power</c> times (ffmpeg-filters, "boxblur":
    /// options <c>luma_radius</c>, <c>luma_power</c>, <c>chroma_radius</c>, <c>chroma_power</c>).
    /// </summary>
    /// <param name="lumaRadius">Radius of the luma box, pixels.</param>
    /// <param name="lumaPower">How many times the luma blur is applied.</param>
    /// <param name="chromaRadius">Radius of the chroma box, pixels of the chroma planes.</param>
    /// <param name="chromaPower">How many times the chroma blur is applied.</param>
    public static Filter BoxBlur(int lumaRadius, int lumaPower, int chromaRadius, int chromaPower) =>
        Filter.Video("boxblur", ("luma_radius", lumaRadius), ("luma_power", lumaPower), ("chroma_radius", chromaRadius), ("chroma_power", chromaPower));

    /// <summary>
    /// <c>anullsrc</c>: an endless source of silent audio (ffmpeg-filters, "anullsrc": options
    /// <c>channel_layout</c>, <c>sample_rate</c>); end it with <see cref="ATrim"/>.
    /// </summary>
    /// <param name="channelLayout">The channel layout (<c>stereo</c>, <c>mono</c>...).</param>
    /// <param name="sampleRateHz">The sample rate, Hz.</param>
    public static Filter ANullSrc(string channelLayout, int sampleRateHz) =>
        new("anullsrc", [], [PadKind.Audio],
            [new FilterOption("channel_layout", channelLayout), new FilterOption("sample_rate", Filter.FormatValue(sampleRateHz))]);
}
