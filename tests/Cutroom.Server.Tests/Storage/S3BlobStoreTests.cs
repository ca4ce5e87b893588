using System.Net;
using System.Net.Http.Headers;
using Cutroom.Server.Storage;

namespace Cutroom.Server.Tests.Storage;

/// <summary>The S3 blob store against a real s3rver on loopback.</summary>
public sealed class S3BlobStoreTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    private S3BlobStore NewStore(string prefix = "")
    {
        var options = new StorageOptions();
        s3.Server.Configure(options);
        options.Prefix = prefix;
        return new S3BlobStore(options);
    }

    [Fact]
    public async Task Puts_gets_ranges_and_deletes_objects()
    {
        using var scratch = new TempDir();
        using var store = NewStore("contract/");
        await BlobStoreContract.PutGetRangeExistsDeleteAsync(store, scratch.Path);
        Assert.DoesNotContain((await s3.Server.ObjectsAsync()).Keys, k => k.StartsWith("contract/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_of_several_parts_goes_up_as_a_multipart_upload_and_arrives_whole()
    {
        using var scratch = new TempDir();
        using var store = NewStore("multipart/");
        var length = (int)(2.5 * S3BlobStore.MinPartBytes); // three parts of 5 MiB, 5 MiB and 2.5 MiB
        await BlobStoreContract.StreamAndMoveAsync(store, scratch.Path, length);
        var objects = await s3.Server.ObjectsAsync();
        Assert.Equal(length, objects["multipart/files/cd/fcd-stream.bin"]);
        Assert.Equal(length, objects["multipart/files/cd/fcd-moved.bin"]);
    }

    [Fact]
    public async Task A_multipart_put_that_fails_after_its_first_part_leaves_no_object()
    {
        using var store = NewStore("failed/");
        await BlobStoreContract.FailedPutLeavesNothingAsync(store, (int)S3BlobStore.MinPartBytes + 1_000_000);
        Assert.DoesNotContain((await s3.Server.ObjectsAsync()).Keys, k => k.StartsWith("failed/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_presigned_url_serves_ranges_with_the_type_and_name_and_expires()
    {
        using var store = NewStore("presign/");
        var bytes = BlobStoreContract.Bytes(100_000);
        using (var body = new MemoryStream(bytes))
            await store.PutAsync("files/aa/faa.mp4", body, new BlobHeaders("video/mp4", "My clip.mp4"), default);
        var url = store.PresignedUrl("files/aa/faa.mp4", TimeSpan.FromHours(24), new BlobHeaders("video/mp4", "My clip.mp4"))!;
        Assert.StartsWith(s3.Server.ServiceUrl + "/" + Infrastructure.S3rver.Bucket + "/presign/files/aa/faa.mp4?", url);
        Assert.Contains("X-Amz-Expires=86400", url);

        using var http = new HttpClient();
        using (var req = new HttpRequestMessage(HttpMethod.Get, url))
        {
            req.Headers.Range = new RangeHeaderValue(100, 199);
            using var res = await http.SendAsync(req);
            Assert.Equal(HttpStatusCode.PartialContent, res.StatusCode);
            Assert.Equal(bytes.AsSpan(100, 100).ToArray(), await res.Content.ReadAsByteArrayAsync());
            Assert.Equal("video/mp4", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes.Length, res.Content.Headers.ContentRange?.Length);
            Assert.Equal("My clip.mp4", res.Content.Headers.ContentDisposition?.FileNameStar);
        }
        // s3rver checks the expiry of a SigV4 presigned URL (not its signature; AWS and MinIO check both).
        var shortLived = store.PresignedUrl("files/aa/faa.mp4", TimeSpan.FromSeconds(1), new BlobHeaders("video/mp4", "My clip.mp4"))!;
        await Task.Delay(2500);
        using (var res = await http.GetAsync(shortLived)) Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
    }
}
