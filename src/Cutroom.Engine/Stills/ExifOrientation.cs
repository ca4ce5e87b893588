using Cutroom.FFmpeg.Graph;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Cutroom.Engine.Stills;

/// <summary>
/// The EXIF <c>Orientation</c> tag (0x0112, TIFF 6.0 and EXIF 2.32 §4.6.4): how a camera stored the
/// pixels relative to the upright picture. Values 1-8; 1 is upright, 5-8 swap width and height.
/// Read with MetadataExtractor (JPEG APP1, PNG <c>eXIf</c>, WebP <c>EXIF</c> chunk).
/// </summary>
public static class ExifOrientation
{
    /// <summary>Stored upright: nothing to do.</summary>
    public const int Upright = 1;

    /// <summary>Reads the orientation of the image at <paramref name="path"/>.</summary>
    /// <returns>1-8; <see cref="Upright"/> when the file has no EXIF, no tag, a value outside 1-8, or EXIF
    /// that cannot be parsed (a broken tag must not stop the picture from being used).</returns>
    public static int Read(string path)
    {
        try
        {
            var directories = ImageMetadataReader.ReadMetadata(path);
            foreach (var ifd0 in directories.OfType<ExifIfd0Directory>())
                if (ifd0.TryGetInt32(ExifDirectoryBase.TagOrientation, out var value) && value is >= 1 and <= 8)
                    return value;
            return Upright;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Upright;
        }
    }

    /// <summary>True for orientations 5-8, whose displayed width is the stored height.</summary>
    public static bool SwapsAxes(int orientation) => orientation is >= 5 and <= 8;

    /// <summary>
    /// The filters that turn the stored pixels upright (applied to a decode with autorotate off):
    /// 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise.
    /// Checked against ffmpeg 5.1's own JPEG autorotation for all eight values.
    /// </summary>
    public static IReadOnlyList<Filter> UprightFilters(int orientation) => orientation switch
    {
        2 => [Filters.HFlip()],
        3 => [Filters.HFlip(), Filters.VFlip()],
        4 => [Filters.VFlip()],
        5 => [Filters.Transpose("cclock_flip")],
        6 => [Filters.Transpose("clock")],
        7 => [Filters.Transpose("clock_flip")],
        8 => [Filters.Transpose("cclock")],
        _ => [],
    };
}
