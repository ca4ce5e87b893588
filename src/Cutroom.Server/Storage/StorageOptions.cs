namespace Cutroom.Server.Storage;

/// <summary>
/// Where stored files live (section <c>Cutroom:Storage</c>, e.g. <c>Cutroom__Storage__Provider=s3</c>):
/// the data folder (<c>local</c>, the default) or an S3-compatible object store (<c>s3</c>), docs/storage.md.
/// </summary>
public sealed class StorageOptions
{
    /// <summary><c>local</c> (default: files under the data folder) or <c>s3</c>.</summary>
    public string Provider { get; set; } = "local";

    /// <summary>S3: the endpoint (<c>http://127.0.0.1:9000</c>); empty means AWS itself in <see cref="Region"/>. Clients download from presigned URLs on this address, so it must be reachable by them.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>S3: the bucket (it must exist).</summary>
    public string? Bucket { get; set; }

    /// <summary>S3: the access key id (empty: the AWS SDK's default credential chain).</summary>
    public string? AccessKey { get; set; }

    /// <summary>S3: the secret access key.</summary>
    public string? SecretKey { get; set; }

    /// <summary>S3: the signing region; default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>S3: path-style addressing (<c>http://host/bucket/key</c>; default on, as most S3-compatible servers want).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>S3: a prefix of every object key (<c>cutroom/</c>), so one bucket can hold several installations; default none.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>S3: the part size of multipart uploads (bytes; at least 5 MiB); files up to this size go up in one PUT. Default 16 MiB.</summary>
    public long PartSizeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Whether <see cref="Provider"/> is <c>s3</c>.</summary>
    public bool IsS3 => string.Equals(Provider, "s3", StringComparison.OrdinalIgnoreCase);
}
