using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Contract;

/// <summary>One server (scripted planner) per contract table; each row gets its own client, session and stored files.</summary>
public sealed class ContractServer : IAsyncLifetime
{
    /// <summary>The server.</summary>
    internal LiveServer Server { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Server = await ThreeInterfaces.StartServerAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Server.DisposeAsync();
}
