using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Cutroom.Server.Storage;

namespace Cutroom.Server.Tests.Infrastructure;

/// <summary>
/// A real s3rver (npm 3.7.1, installed by <c>scripts/s3rver.sh install</c>; <c>./test.sh</c> does it and
/// sets <c>CUTROOM_S3RVER</c>) as a child process on a port of 127.0.0.1 the system chose, with its
/// data in a temp folder and one bucket, <c>cutroom</c>. Disposing kills it (with its process tree),
/// waits for it to exit and deletes the folder.
/// </summary>
public sealed partial class S3rver : IAsyncDisposable
{
    /// <summary>The bucket made at start.</summary>
    public const string Bucket = "cutroom";

    /// <summary>s3rver's fixed access key id and secret.</summary>
    public const string Key = "S3RVER";

    private readonly Process _process;
    private readonly TempDir _data;
    private readonly StringBuilder _output = new();

    private S3rver(Process process, TempDir data)
    {
        _process = process;
        _data = data;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Where s3rver keeps the objects.</summary>
    public string DataDir => _data.Path;

    /// <summary>Starts s3rver and waits until it prints its address.</summary>
    public static async Task<S3rver> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("CUTROOM_S3RVER") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cutroom-tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        Assert.True(File.Exists(bin), $"s3rver is not installed ({bin}): run scripts/s3rver.sh install (./test.sh does)");
        var data = new TempDir();
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { bin, "--directory", data.Path, "--address", "127.0.0.1", "--port", "0", "--configure-bucket", Bucket })
            psi.ArgumentList.Add(a);
        var server = new S3rver(Process.Start(psi)!, data);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (server._process.HasExited)
            {
                await server.DisposeAsync();
                Assert.Fail($"s3rver exited with {server._process.ExitCode}: {server.Output}");
            }
            var m = Listening().Match(server.Output);
            if (m.Success)
            {
                server.ServiceUrl = "http://127.0.0.1:" + m.Groups[1].Value;
                return server;
            }
            await Task.Delay(50);
        }
        await server.DisposeAsync();
        Assert.Fail($"s3rver did not start within 30 s: {server.Output}");
        return null!;
    }

    /// <summary>What it printed so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Points <paramref name="options"/> at this server.</summary>
    /// <param name="options">The storage settings to change.</param>
    /// <param name="partSizeBytes">The multipart part size (5 MiB lets a real video go up in several parts).</param>
    public void Configure(StorageOptions options, long partSizeBytes = S3BlobStore.MinPartBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Provider = "s3";
        options.ServiceUrl = ServiceUrl;
        options.Bucket = Bucket;
        options.AccessKey = Key;
        options.SecretKey = Key;
        options.PartSizeBytes = partSizeBytes;
    }

    /// <summary>A plain S3 client of this server, to look at the bucket from outside Cutroom.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(Key, Key), new AmazonS3Config
    {
        ServiceURL = ServiceUrl, ForcePathStyle = true, UseHttp = true, AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>Every object key of the bucket, with its size (bytes).</summary>
    public async Task<IReadOnlyDictionary<string, long>> ObjectsAsync()
    {
        using var s3 = Client();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, ContinuationToken = token });
            foreach (var o in page.S3Objects ?? []) result[o.Key] = o.Size ?? 0;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        return result;
    }

    /// <summary>Multipart uploads started and neither completed nor aborted.</summary>
    public async Task<int> OpenMultipartUploadsAsync()
    {
        using var s3 = Client();
        var page = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket });
        return page.MultipartUploads?.Count ?? 0;
    }

    /// <summary>Kills s3rver, waits for it, deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _data.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    [GeneratedRegex(@"S3rver listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
