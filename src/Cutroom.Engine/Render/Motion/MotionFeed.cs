using System.Globalization;
using System.Security.Cryptography;
using Cutroom.Engine.Animate;

namespace Cutroom.Engine.Render.Motion;

/// <summary>
/// A Ken Burns still drawn in process (<see cref="KenBurnsResampler"/>) and fed to ffmpeg as raw yuv420p
/// frames through a named pipe (<see cref="FifoPath"/>): frames <c>[Skip, Skip + Frames)</c> of a move of
/// <see cref="Span"/> frames along <see cref="Path"/> over the prepared picture. The pipe is named by all of
/// that (<see cref="NameFor"/>), so that a render chunk's cache key, which reads the command, changes exactly
/// when the frames would.
/// </summary>
/// <param name="FifoPath">The named pipe in the render's work folder (<c>motion-&lt;hash&gt;.fifo</c>).</param>
/// <param name="Picture">The prepared picture (canvas size, yuv420p).</param>
/// <param name="Path">The camera path of the whole move.</param>
/// <param name="Span">Frames of the whole move (its progress runs 0..1 over them).</param>
/// <param name="Skip">The move's first frame that is fed (0 from its start).</param>
/// <param name="Frames">How many frames are fed.</param>
internal sealed record MotionFeed(string FifoPath, PreparedStill Picture, CameraPath Path, long Span, long Skip, long Frames)
{
    /// <summary>Bumped when the frames drawn for the same feed change (part of every pipe name).</summary>
    public const string Version = "motion-15.2";

    /// <summary>The extension of the pipes, by which <see cref="Chunks.RenderChunkKey"/> recognises them.</summary>
    public const string Extension = ".fifo";

    /// <summary>The view on fed frame <paramref name="k"/> (0-based): the path at progress (Skip + k) / (Span − 1).</summary>
    public CameraWindow ViewAt(long k) => Path.At(Span > 1 ? Math.Clamp((double)(Skip + k) / (Span - 1), 0, 1) : 0);

    /// <summary>The pipe's file name for these frames: <c>motion-</c> + 24 hex digits of SHA-256 over the picture (its content-keyed name), path, span, skip, count and <see cref="Version"/>.</summary>
    public static string NameFor(PreparedStill picture, CameraPath path, long span, long skip, long frames)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(path);
        var (a, b) = (path.Start, path.End);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Version}\n{System.IO.Path.GetFileName(picture.Path)}\n{picture.Width}x{picture.Height}\n{a.Zoom:R} {a.CenterX:R} {a.CenterY:R}\n{b.Zoom:R} {b.CenterX:R} {b.CenterY:R}\n{span} {skip} {frames}");
        var hash = System.Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        return $"motion-{hash[..24]}{Extension}";
    }
}
