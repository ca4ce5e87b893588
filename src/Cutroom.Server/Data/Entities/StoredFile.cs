namespace Cutroom.Server.Data.Entities;

/// <summary>
/// A file in storage under an opaque key (docs/security.md §9): where it is (relative to the
/// data folder, server-made), what it is, and the readable name its downloads carry.
/// </summary>
public sealed class StoredFile
{
    /// <summary>Opaque random key (<c>f</c> + 26 base32 characters); the <c>/files/&lt;key&gt;</c> of signed URLs.</summary>
    public required string Key { get; set; }

    /// <summary>The owner.</summary>
    public required string AccountId { get; set; }

    /// <summary>The blob key, made by the server: the path relative to the data folder with the local store (<c>files/ab/fxyz.mp4</c>, <c>work/ses_x/…</c>), the object key (without the configured prefix) with S3 (docs/storage.md).</summary>
    public required string RelativePath { get; set; }

    /// <summary>Content-Type of downloads.</summary>
    public required string ContentType { get; set; }

    /// <summary>File name of the Content-Disposition (the client's sanitised name or the output's name).</summary>
    public required string DownloadName { get; set; }

    /// <summary>Size (bytes).</summary>
    public long SizeBytes { get; set; }

    /// <summary>Stored at (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
