using Cutroom.Server.Hosting;

namespace Cutroom.Server.Storage;

/// <summary>The storage check of <c>/healthz</c>: the local scratch folder takes a file, and the configured blob store takes, finds and deletes a probe.</summary>
public static class StorageProbe
{
    /// <summary>Whether storage works now (never throws for a storage failure).</summary>
    /// <param name="store">The file store.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<bool> RunAsync(FileStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            var temp = store.NewTempPath(".health");
            await File.WriteAllTextAsync(temp, "ok", cancellationToken);
            File.Delete(temp);

            var key = "tmp/health-" + Ids.Random(16);
            using var body = new MemoryStream("ok"u8.ToArray(), writable: false);
            await store.Blobs.PutAsync(key, body, new BlobHeaders("text/plain", "health.txt"), cancellationToken);
            var found = await store.Blobs.ExistsAsync(key, cancellationToken);
            await store.Blobs.DeleteAsync(key, cancellationToken);
            return found && !await store.Blobs.ExistsAsync(key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
