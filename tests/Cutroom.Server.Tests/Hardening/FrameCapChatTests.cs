using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>
/// The issue 17 reproducer, scaled down: "extract every frame" of a file of many tiny frames is
/// refused up front by the server's frame cap (<c>Jobs:MaxFramesPerRequest</c>) with a reply in the
/// session's language that says the limit and how to ask for fewer; nothing is written or charged.
/// </summary>
public sealed class FrameCapChatTests
{
    /// <summary>3,000 frames of 16x16 at 120 fps (25 s), as the reproducer's 100,000 but smaller.</summary>
    private static string TinyFrames => TestMedia.Generate("tiny-frames-3000.mp4",
        "-f", "lavfi", "-i", "testsrc=s=16x16:r=120", "-frames:v", "3000", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    [Theory]
    [InlineData("en", "extract every frame from my video as images", "limit of 2000")]
    [InlineData("zh", "把视频的每一帧都导出为图片", "2000 帧的上限")]
    public async Task Every_frame_of_a_file_over_the_cap_is_refused_in_the_sessions_language_and_nothing_is_kept(string language, string message, string expected)
    {
        await using var server = await LiveServer.StartAsync();
        Assert.Equal(2000, server.Options.Jobs.MaxFramesPerRequest);
        var client = await server.NewClientAsync(language);
        await SeedMedia.AddAsync(server, client, TinyFrames);
        var before = await client.CreditsAsync();

        var turn = await ChatCalls.SayAsync(client, message);
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        var response = Assert.Single(turn.Parts("functionResponse")).GetProperty("response");
        Assert.False(response.GetProperty("ok").GetBoolean(), response.ToString());
        Assert.Equal("over_limit", response.GetProperty("error").GetString());
        Assert.Contains(expected, string.Join("\n", turn.Events.Select(ChatCalls.TextOf)), StringComparison.Ordinal);

        await using var db = await ChatCalls.DbAsync(server);
        Assert.Equal(0, await db.Generated.CountAsync());
        Assert.Equal(before, await client.CreditsAsync());
        Assert.Empty(Directory.EnumerateFiles(server.DataDir, "*.jpg", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_configured_cap_is_the_one_refused_at()
    {
        await using var server = await LiveServer.StartAsync(o => o.Jobs.MaxFramesPerRequest = 20);
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        var turn = await ChatCalls.SayAsync(client, "extract every 10th frame from my video as images");
        var response = Assert.Single(turn.Parts("functionResponse")).GetProperty("response");
        Assert.Equal("over_limit", response.GetProperty("error").GetString());
        Assert.Contains("limit of 20", string.Join("\n", turn.Events.Select(ChatCalls.TextOf)), StringComparison.Ordinal);
    }
}
