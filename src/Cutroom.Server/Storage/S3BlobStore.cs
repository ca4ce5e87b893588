using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Net.Http.Headers;

namespace Cutroom.Server.Storage;

/// <summary>
/// Blobs as objects of an S3-compatible store (AWSSDK.S3): path-style addressing, checksums only
/// where the protocol requires them and no chunked payload signing, so that S3-compatible servers
/// (s3rver, MinIO, Garage) accept the requests as AWS does. A file larger than one part goes up as a
/// multipart upload read part by part from the file (memory stays at one part at most); any failure
/// aborts the multipart upload, so no object appears. Each object keeps its Content-Type and
/// <c>Content-Disposition</c>; downloads are presigned GET URLs, for which the store serves ranges.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>The smallest part S3 accepts (bytes; the last part may be smaller).</summary>
    public const long MinPartBytes = 5L * 1024 * 1024;

    /// <summary>The longest a SigV4 presigned URL may live.</summary>
    private static readonly TimeSpan MaxPresignLifetime = TimeSpan.FromDays(7);

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly long _partBytes;
    private readonly Protocol _protocol;

    /// <summary>A store over the bucket of <paramref name="options"/>.</summary>
    /// <param name="options">Endpoint, bucket, credentials, region, part size.</param>
    /// <exception cref="ArgumentException">No bucket, a malformed endpoint, or a part size under 5 MiB.</exception>
    public S3BlobStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Bucket)) throw new ArgumentException("Cutroom:Storage:Bucket is required when the provider is s3", nameof(options));
        if (options.PartSizeBytes < MinPartBytes) throw new ArgumentException("Cutroom:Storage:PartSizeBytes must be at least 5 MiB (5242880)", nameof(options));
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = options.Region,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
            _protocol = Protocol.HTTPS;
        }
        else
        {
            if (!Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
                throw new ArgumentException("Cutroom:Storage:ServiceUrl must be an http(s) URL", nameof(options));
            config.ServiceURL = options.ServiceUrl;
            config.UseHttp = url.Scheme == "http";
            _protocol = url.Scheme == "http" ? Protocol.HTTP : Protocol.HTTPS;
        }
        _s3 = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey ?? ""), config);
        _bucket = options.Bucket;
        _prefix = options.Prefix ?? "";
        _partBytes = options.PartSizeBytes;
    }

    /// <inheritdoc/>
    public string Provider => "s3";

    /// <summary>The bucket.</summary>
    public string Bucket => _bucket;

    /// <summary>The object key of a blob key (the prefix and the key).</summary>
    /// <param name="key">A blob key.</param>
    public string ObjectKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith('/') || key.Split('/').Any(p => p is "" or "." or ".."))
            throw new InvalidOperationException("a storage key must be a relative path without empty, '.' or '..' parts");
        return _prefix + key;
    }

    /// <inheritdoc/>
    public async Task PutFileAsync(string key, string path, BlobHeaders headers, bool move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var length = new FileInfo(path).Length;
        if (length <= _partBytes)
        {
            var put = new PutObjectRequest { BucketName = _bucket, Key = ObjectKey(key), FilePath = path, UseChunkEncoding = false };
            Describe(put.Headers, headers);
            await _s3.PutObjectAsync(put, cancellationToken);
        }
        else
        {
            await MultipartAsync(key, headers, async (uploadId, parts) =>
            {
                var number = 1;
                for (long position = 0; position < length; position += _partBytes, number++)
                {
                    var part = await _s3.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _bucket, Key = ObjectKey(key), UploadId = uploadId, PartNumber = number,
                        FilePath = path, FilePosition = position, PartSize = Math.Min(_partBytes, length - position), UseChunkEncoding = false,
                    }, cancellationToken);
                    parts.Add(new PartETag(number, part.ETag));
                }
            }, cancellationToken);
        }
        if (move) File.Delete(path);
    }

    /// <inheritdoc/>
    public async Task PutAsync(string key, Stream content, BlobHeaders headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(headers);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(_partBytes, int.MaxValue - 64));
        try
        {
            var first = await FillAsync(content, buffer, (int)Math.Min(_partBytes, buffer.Length), cancellationToken);
            if (first < _partBytes)
            {
                using var body = new MemoryStream(buffer, 0, first, writable: false);
                var put = new PutObjectRequest { BucketName = _bucket, Key = ObjectKey(key), InputStream = body, AutoCloseStream = false, UseChunkEncoding = false };
                Describe(put.Headers, headers);
                await _s3.PutObjectAsync(put, cancellationToken);
                return;
            }
            await MultipartAsync(key, headers, async (uploadId, parts) =>
            {
                var filled = first;
                for (var number = 1; filled > 0; number++)
                {
                    using var body = new MemoryStream(buffer, 0, filled, writable: false);
                    var part = await _s3.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _bucket, Key = ObjectKey(key), UploadId = uploadId, PartNumber = number,
                        InputStream = body, PartSize = filled, UseChunkEncoding = false,
                    }, cancellationToken);
                    parts.Add(new PartETag(number, part.ETag));
                    filled = await FillAsync(content, buffer, (int)Math.Min(_partBytes, buffer.Length), cancellationToken);
                }
            }, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public async Task GetToFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var response = await GetAsync(new GetObjectRequest { BucketName = _bucket, Key = ObjectKey(key) }, key, cancellationToken);
        await LocalBlobStore.WriteAsync(target, response.ResponseStream, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Stream> OpenRangeAsync(string key, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is <= 0) return new MemoryStream([], writable: false);
        var range = length is { } n ? new ByteRange(offset, offset + n - 1) : new ByteRange($"bytes={offset}-");
        var response = await GetAsync(new GetObjectRequest { BucketName = _bucket, Key = ObjectKey(key), ByteRange = range }, key, cancellationToken);
        return new ResponseStream(response);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = ObjectKey(key) }, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = ObjectKey(key) }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public string? PresignedUrl(string key, TimeSpan lifetime, BlobHeaders headers, bool attachment = false)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = ObjectKey(key), Verb = HttpVerb.GET, Protocol = _protocol,
            Expires = DateTime.UtcNow.Add(lifetime < MaxPresignLifetime ? lifetime : MaxPresignLifetime),
        };
        request.ResponseHeaderOverrides.ContentType = headers.ContentType;
        request.ResponseHeaderOverrides.ContentDisposition = Disposition(headers.DownloadName, attachment);
        return _s3.GetPreSignedURL(request);
    }

    /// <summary>Closes the client.</summary>
    public void Dispose() => _s3.Dispose();

    /// <summary>The <c>Content-Disposition</c> of a download named <paramref name="name"/> (ASCII, RFC 6266 with <c>filename*</c>).</summary>
    internal static string Disposition(string name, bool attachment)
    {
        var value = new ContentDispositionHeaderValue(attachment ? "attachment" : "inline");
        value.SetHttpFileName(name);
        return value.ToString();
    }

    private static void Describe(HeadersCollection target, BlobHeaders headers)
    {
        target.ContentType = headers.ContentType;
        target.ContentDisposition = Disposition(headers.DownloadName, attachment: false);
    }

    /// <summary>Starts a multipart upload, runs <paramref name="upload"/> to send the parts, completes it; aborts it on any failure.</summary>
    private async Task MultipartAsync(string key, BlobHeaders headers, Func<string, List<PartETag>, Task> upload, CancellationToken cancellationToken)
    {
        var start = new InitiateMultipartUploadRequest { BucketName = _bucket, Key = ObjectKey(key) };
        Describe(start.Headers, headers);
        start.ContentType = headers.ContentType;
        var uploadId = (await _s3.InitiateMultipartUploadAsync(start, cancellationToken)).UploadId;
        try
        {
            var parts = new List<PartETag>();
            await upload(uploadId, parts);
            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket, Key = ObjectKey(key), UploadId = uploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            try
            {
                await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = ObjectKey(key), UploadId = uploadId }, CancellationToken.None);
            }
            catch (AmazonServiceException) { }
            catch (HttpRequestException) { }
            throw;
        }
    }

    private async Task<GetObjectResponse> GetAsync(GetObjectRequest request, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _s3.GetObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException("no stored file under this key", key, e);
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, int size, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < size)
        {
            var n = await content.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken);
            if (n == 0) break;
            filled += n;
        }
        return filled;
    }

    /// <summary>The body of a GET, disposing the response with it.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }
}
