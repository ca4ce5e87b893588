using Cutroom.Server.Storage;

namespace Cutroom.Server.Tests.Storage;

[Trait("Tier", "Fast")]
public sealed class LocalBlobStoreTests
{
    [Fact]
    public async Task Puts_gets_ranges_and_deletes_files_under_the_data_folder()
    {
        using var data = new TempDir();
        using var scratch = new TempDir();
        var store = new LocalBlobStore(data.Path);
        await BlobStoreContract.PutGetRangeExistsDeleteAsync(store, scratch.Path);
        await BlobStoreContract.StreamAndMoveAsync(store, scratch.Path, 3_000_000);
        Assert.True(File.Exists(Path.Combine(data.Path, "files", "cd", "fcd-moved.bin")), "a key is a path relative to the data folder");
        Assert.Null(store.PresignedUrl("files/cd/fcd-moved.bin", TimeSpan.FromHours(24), new BlobHeaders("video/mp4", "x.mp4")));
    }

    [Fact]
    public async Task A_failed_put_leaves_no_file_and_no_temp_file()
    {
        using var data = new TempDir();
        var store = new LocalBlobStore(data.Path);
        await BlobStoreContract.FailedPutLeavesNothingAsync(store, 200_000);
        Assert.Empty(Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_key_that_leaves_the_data_folder_is_refused()
    {
        using var data = new TempDir();
        var store = new LocalBlobStore(data.Path);
        using var body = new MemoryStream([1, 2, 3]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PutAsync("../outside.bin", body, new BlobHeaders("x/y", "o.bin"), default));
        Assert.Throws<InvalidOperationException>(() => store.KeyOf("/etc/passwd"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(data.Path)!, "outside.bin")));
    }
}
