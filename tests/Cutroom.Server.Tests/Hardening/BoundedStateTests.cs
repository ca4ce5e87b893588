using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>
/// The state answer lists the latest 200 outputs and how many there are; the rest are paged through
/// <c>GET …/generated?before=&amp;limit=</c> (issue 17: one state answer of a large session was 35 MB).
/// </summary>
public sealed class BoundedStateTests
{
    /// <summary>260 frames of 16x16 at 120 fps.</summary>
    private static string Frames260 => TestMedia.Generate("tiny-frames-260.mp4",
        "-f", "lavfi", "-i", "testsrc=s=16x16:r=120", "-frames:v", "260", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    [Fact]
    public async Task State_holds_the_latest_200_outputs_and_the_count_and_pages_list_every_one()
    {
        await using var server = await LiveServer.StartAsync(o => o.Jobs.MaxFramesPerRequest = 300);
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Frames260);
        var turn = await ChatCalls.SayAsync(client, "extract every frame from my video as images");
        Assert.True(Assert.Single(turn.Parts("functionResponse")).GetProperty("response").GetProperty("ok").GetBoolean(), turn.FinalText);

        var state = (await client.StateAsync()).GetProperty("state");
        var listed = state.GetProperty("generated_media");
        var total = state.GetProperty("generated_media_count").GetInt32();
        Assert.True(total > 200, $"{total} outputs");
        Assert.Equal(200, listed.GetArrayLength());
        Assert.Equal("archive", listed[listed.GetArrayLength() - 1].GetProperty("kind").GetString()); // newest last

        var ids = new List<string>();
        int? before = null;
        for (var page = 0; page < 10; page++)
        {
            using var res = await client.Http.GetAsync($"api/state/nemo_agent/me/{client.SessionId}/generated?limit=100" + (before is { } b ? $"&before={b}" : ""));
            var data = await LiveServer.ReadEnvelopeAsync(res, 200);
            Assert.Equal(total, data.GetProperty("total").GetInt32());
            ids.AddRange(data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            if (data.GetProperty("next_before").ValueKind == System.Text.Json.JsonValueKind.Null) break;
            before = data.GetProperty("next_before").GetInt32();
        }
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal(listed.EnumerateArray().Select(i => i.GetProperty("id").GetString()).Reverse(), ids.Take(200));

        using var bad = await client.Http.GetAsync($"api/state/nemo_agent/me/{client.SessionId}/generated?limit=0");
        await server.ReadErrorAsync(bad, 400, 4000);
    }
}
