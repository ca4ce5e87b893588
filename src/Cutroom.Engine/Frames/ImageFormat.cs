namespace Cutroom.Engine.Frames;

/// <summary>Image formats for extracted frames, thumbnails and contact sheets.</summary>
public enum ImageFormat
{
    /// <summary>JPEG (ffmpeg <c>mjpeg</c> encoder).</summary>
    Jpg,
    /// <summary>PNG, lossless.</summary>
    Png,
    /// <summary>WebP (<c>libwebp</c>).</summary>
    Webp,
}

/// <summary>Facts about <see cref="ImageFormat"/>: which file names they take.</summary>
public static class ImageFormats
{
    /// <summary>The extensions an image output may end in, for messages.</summary>
    public const string Extensions = ".jpg, .png or .webp";

    /// <summary>The format a file name asks for by its extension (<c>.jpg</c>/<c>.jpeg</c>, <c>.png</c>, <c>.webp</c>, any case), or null for any other.</summary>
    /// <param name="path">A file name or path.</param>
    public static ImageFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => ImageFormat.Jpg,
        ".png" => ImageFormat.Png,
        ".webp" => ImageFormat.Webp,
        _ => null,
    };
}

/// <summary>The one quality scale of image outputs (JPEG and WebP; PNG is lossless).</summary>
public static class ImageQuality
{
    /// <summary>The lowest quality (smallest files).</summary>
    public const int Min = 1;

    /// <summary>The highest quality.</summary>
    public const int Max = 100;
}
