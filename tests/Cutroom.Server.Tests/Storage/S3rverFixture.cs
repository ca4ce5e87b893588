using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Storage;

/// <summary>One s3rver for the tests of a class, killed when they are done.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    /// <summary>The running server.</summary>
    public S3rver Server { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Server = await S3rver.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
