using Cutroom.Server.Preview;
using Cutroom.Server.Sessions;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Preview;

/// <summary>The preview service forgets idle sessions past <c>Preview:MaxSessions</c> (it kept an entry per session forever).</summary>
public sealed class PreviewSessionBoundTests
{
    [Fact]
    public async Task Sessions_past_the_bound_are_forgotten_once_idle()
    {
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Preview.MaxSessions = 3;
            o.Preview.Debounce = TimeSpan.FromMilliseconds(10);
        });
        var previews = server.Services.GetRequiredService<PreviewService>();
        var changes = server.Services.GetRequiredService<DraftChanges>();
        var sessions = new List<string>();
        for (var i = 0; i < 12; i++) sessions.Add((await server.NewClientAsync()).SessionId);

        var peak = 0;
        for (var round = 0; round < 100; round++)
        {
            foreach (var id in sessions) changes.Notify(id);   // empty drafts: each start finds nothing to render
            peak = Math.Max(peak, previews.TrackedSessions);
            await Task.Delay(50);
            changes.Notify(sessions[round % sessions.Count]);
            if (previews.TrackedSessions <= 3) break;
        }
        Assert.True(previews.TrackedSessions <= 3, $"{previews.TrackedSessions} sessions held (peak {peak})");
    }
}
