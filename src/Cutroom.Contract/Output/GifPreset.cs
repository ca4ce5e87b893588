namespace Cutroom.Contract.Output;

/// <summary>
/// An animated GIF: at most <see cref="MaxFramesPerSecond"/> frames per second and <see cref="MaxWidth"/>
/// pixels wide (scaled with <see cref="Scaler"/>), one 256-colour palette made from the whole output
/// (ffmpeg <c>palettegen</c> with <see cref="PaletteStatsMode"/>) and applied with ordered
/// <see cref="Dither"/>ing (<c>paletteuse</c>, bayer scale <see cref="BayerScale"/>), looping for ever.
/// The two-pass palette method follows ffmpeg's own guidance for high-quality GIFs
/// (ffmpeg-filters "palettegen" and "paletteuse"). GIF has no quality levels: every level is this.
/// </summary>
public sealed record GifPreset : VideoCodecPreset
{
    /// <summary>Creates the preset; its frames are palette-indexed (<c>pal8</c>).</summary>
    public GifPreset() => PixelFormat = "pal8";

    /// <inheritdoc/>
    public override string Codec => "gif";

    /// <inheritdoc/>
    public override string Encoder => "gif";

    /// <summary>Highest frame rate in frames per second (a faster source is reduced to this).</summary>
    public int MaxFramesPerSecond { get; init; } = 15;

    /// <summary>Widest output in pixels (a wider canvas is scaled down, keeping its aspect ratio with an even height).</summary>
    public int MaxWidth { get; init; } = 640;

    /// <summary>The scaler of the size reduction (<c>lanczos</c>: sharp for downscaling).</summary>
    public string Scaler { get; init; } = "lanczos";

    /// <summary><c>palettegen</c> statistics mode: <c>diff</c> favours what moves over a static background.</summary>
    public string PaletteStatsMode { get; init; } = "diff";

    /// <summary><c>paletteuse</c> dithering: <c>bayer</c> (ordered) compresses better than error diffusion.</summary>
    public string Dither { get; init; } = "bayer";

    /// <summary>Bayer pattern scale 0-5: higher shows less crosshatch but more banding.</summary>
    public int BayerScale { get; init; } = 4;

    /// <summary>Times the animation repeats after the first showing (<c>-loop</c>; 0 = for ever).</summary>
    public int Loop { get; init; }

    /// <inheritdoc/>
    /// <remarks>Only <c>-loop</c>: the gif encoder has no quality or speed settings and is single-threaded.</remarks>
    public override IReadOnlyList<string> Arguments(int? threads) => ["-loop", Num(Loop)];
}
