using Cutroom.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Storage;

/// <summary>Registers storage: the blob store chosen by <see cref="StorageOptions.Provider"/>, the file rows, signed and presigned links.</summary>
public static class StorageServices
{
    /// <summary>Adds <see cref="IBlobStore"/>, <see cref="FileStore"/>, <see cref="UrlSigner"/> and <see cref="DownloadLinks"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The settings (<see cref="ServerOptions.Storage"/>).</param>
    /// <exception cref="ArgumentException">An unknown provider, or S3 without a bucket.</exception>
    public static IServiceCollection AddStorage(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => Create(options)); // made by the container, so disposed with it (the S3 client)
        services.AddSingleton<FileStore>();
        services.AddSingleton<UrlSigner>();
        services.AddSingleton<DownloadLinks>();
        return services;
    }

    /// <summary>The blob store of <paramref name="options"/>: <c>local</c> (the data folder) or <c>s3</c>.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">An unknown provider, or S3 without a bucket.</exception>
    public static IBlobStore Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = options.Storage;
        if (storage.IsS3) return new S3BlobStore(storage);
        if (string.Equals(storage.Provider, "local", StringComparison.OrdinalIgnoreCase)) return new LocalBlobStore(options.DataDir);
        throw new ArgumentException($"Cutroom:Storage:Provider must be 'local' or 's3', not '{storage.Provider}'", nameof(options));
    }
}
