namespace Cutroom.Engine.Frames;

/// <summary>Image formats for extracted frames.</summary>
public enum ImageFormat
{
    /// <summary>JPEG (ffmpeg <c>mjpeg</c> encoder).</summary>
    Jpg,
    /// <summary>PNG, lossless.</summary>
    Png,
    /// <summary>WebP (<c>libwebp</c>).</summary>
    Webp,
}

/// <summary>Options of a frame extraction.</summary>
public sealed record FrameExtractionOptions
{
    /// <summary>Which frames.</summary>
    public required FrameSelector Selector { get; init; }
    /// <summary>Image format (default JPEG).</summary>
    public ImageFormat Format { get; init; } = ImageFormat.Jpg;
    /// <summary>Quality 1-100 (100 best) for JPEG and WebP; ignored for PNG. Default 90.</summary>
    public int Quality { get; init; } = 90;
    /// <summary>Output width in pixels (height keeps the aspect ratio); null keeps the full size.</summary>
    public int? Width { get; init; }
    /// <summary>Start of the range in µs (inclusive); null = start of file.</summary>
    public long? StartUs { get; init; }
    /// <summary>End of the range in µs (exclusive); null = end of file.</summary>
    public long? EndUs { get; init; }
}
