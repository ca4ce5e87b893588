namespace Cutroom.Server.Uploads;

/// <summary>
/// The fixed limits of one upload request (the per-file size, the session quota and the import
/// timeout are settings: <see cref="Hosting.UploadOptions"/>), and the media limits of
/// docs/security.md §5 that are not in <see cref="Engine.Common.EngineLimits"/>.
/// </summary>
public static class UploadLimits
{
    /// <summary>Files (multipart parts or URLs) in one request: 20.</summary>
    public const int MaxFilesPerRequest = 20;

    /// <summary>
    /// Bytes a multipart body may carry beyond its files (boundaries, part headers): 1 MiB. A body is
    /// refused before it is read when its <c>Content-Length</c> exceeds what its files could be
    /// (<see cref="MaxFilesPerRequest"/> × the per-file limit, and the session's remaining quota)
    /// plus this; a body without <c>Content-Length</c> is cut at the same point while it is read.
    /// </summary>
    public const long MultipartOverheadBytes = 1024 * 1024;

    /// <summary>Redirects one URL import follows: 3 (contract §5).</summary>
    public const int MaxRedirects = 3;

    /// <summary>Longest accepted URL (characters): 2048.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest accepted media: 4 h.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);

    /// <summary>Most streams in one file: 16.</summary>
    public const int MaxStreams = 16;

    /// <summary>Highest accepted video frame rate (frames/s): 120.</summary>
    public const double MaxFps = 120;
}
