namespace Cutroom.Server.Storage;

/// <summary>What a download of a blob says about itself: its Content-Type and the readable file name of its <c>Content-Disposition</c>.</summary>
/// <param name="ContentType">The MIME type (<c>video/mp4</c>).</param>
/// <param name="DownloadName">The readable name (sanitised by <see cref="FileNames.Sanitize"/>).</param>
public sealed record BlobHeaders(string ContentType, string DownloadName);

/// <summary>
/// Where stored files live: blobs by key (<c>files/ab/fxyz.mp4</c>, slash-separated, server-made,
/// never a client's name). <see cref="FileStore"/> keeps the database rows; this keeps the bytes.
/// Two implementations: <see cref="LocalBlobStore"/> (the data folder, the default) and
/// <see cref="S3BlobStore"/> (any S3-compatible object store). A put is all or nothing: when it
/// throws, no blob exists under the key.
/// </summary>
public interface IBlobStore
{
    /// <summary><c>local</c> or <c>s3</c> (the <c>Cutroom__Storage__Provider</c> value).</summary>
    string Provider { get; }

    /// <summary>Stores the bytes of a finished local file under <paramref name="key"/>, replacing any blob there.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="path">The local file (absolute).</param>
    /// <param name="headers">Content-Type and download name (kept with the object by S3).</param>
    /// <param name="move">True: the file is consumed (moved into the data folder, or deleted once uploaded); false: it is left as it was.</param>
    /// <param name="cancellationToken">Cancels; a cancelled put leaves no blob.</param>
    /// <exception cref="IOException">The local disk failed.</exception>
    /// <exception cref="Amazon.S3.AmazonS3Exception">The object store refused the put.</exception>
    Task PutFileAsync(string key, string path, BlobHeaders headers, bool move, CancellationToken cancellationToken);

    /// <summary>Stores the bytes read from <paramref name="content"/> to its end (length unknown is fine; memory stays bounded by one part).</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="content">The bytes; read to its end, not disposed.</param>
    /// <param name="headers">Content-Type and download name.</param>
    /// <param name="cancellationToken">Cancels; a cancelled or failed put leaves no blob.</param>
    /// <exception cref="IOException">Reading the stream or the local disk failed.</exception>
    Task PutAsync(string key, Stream content, BlobHeaders headers, CancellationToken cancellationToken);

    /// <summary>Copies a blob to a local file (written under a temp name beside it and renamed when complete).</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="path">The local file to write (absolute; its folder is created).</param>
    /// <param name="cancellationToken">Cancels; a cancelled copy leaves no file at <paramref name="path"/>.</param>
    /// <exception cref="FileNotFoundException">There is no blob under the key.</exception>
    Task GetToFileAsync(string key, string path, CancellationToken cancellationToken);

    /// <summary>Opens <paramref name="length"/> bytes of a blob from <paramref name="offset"/> (to its end when null) for reading.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="offset">The first byte (0-based).</param>
    /// <param name="length">Bytes to read, or null for the rest.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A stream of the bytes (the caller disposes it).</returns>
    /// <exception cref="FileNotFoundException">There is no blob under the key.</exception>
    Task<Stream> OpenRangeAsync(string key, long offset, long? length, CancellationToken cancellationToken);

    /// <summary>Deletes a blob; nothing happens when there is none.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Whether a blob exists under <paramref name="key"/>.</summary>
    /// <param name="key">The blob key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A URL clients can download the blob from without Cutroom (ranges served by the store), valid
    /// for <paramref name="lifetime"/>, that answers <paramref name="headers"/>; null when the store
    /// has none (the local folder: Cutroom's own signed <c>/files/</c> links serve it).
    /// </summary>
    /// <param name="key">The blob key.</param>
    /// <param name="lifetime">How long the URL works (contract §8: 24 h by default).</param>
    /// <param name="headers">The Content-Type and download name the download answers with.</param>
    /// <param name="attachment">True: <c>Content-Disposition: attachment</c>; false: <c>inline</c>.</param>
    string? PresignedUrl(string key, TimeSpan lifetime, BlobHeaders headers, bool attachment = false);
}
