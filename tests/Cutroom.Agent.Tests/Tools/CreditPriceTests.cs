using Cutroom.Contract.Errors;
using System.Text.Json.Nodes;
using Cutroom.Agent.Credits;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Tests.Tools;

[Trait("Tier", "Fast")]
public sealed class CreditPriceTests
{
    private static readonly SessionSnapshot Webinar = SessionSnapshot.Build([new SessionMedia("med_1", MediaKind.Video, "webinar.mp4") { DurationMs = 30 * 60_000 }]);

    [Theory]
    [InlineData("extract_frames", 31)]  // 1 + 1 per started minute
    [InlineData("summarize", 7)]        // 1 + 1 per started 5 minutes
    [InlineData("highlights", 8)]       // 2 + 1 per started 5 minutes
    [InlineData("trim", 1)]
    [InlineData("convert", 30)]
    [InlineData("thumbnail", 1)]
    [InlineData("probe", 0)]
    [InlineData("add_text", 0)]
    [InlineData("export", 0)]
    public void Jobs_cost_by_the_length_of_their_media_and_edits_are_free(string tool, int expected)
    {
        var runner = new ToolRunner(ToolRegistry.Default);
        Assert.Equal(expected, runner.Estimate(new ToolCall(tool, new JsonObject { ["media"] = "med_1" }), Webinar));
    }

    [Fact]
    public void A_started_minute_counts_whole()
    {
        var price = new CreditPrice(1, 1, 60_000);
        Assert.Equal(2, price.For(1));
        Assert.Equal(2, price.For(60_000));
        Assert.Equal(3, price.For(60_001));
        Assert.Equal(2, price.For(null));
    }

    [Fact]
    public async Task Frozen_credits_are_charged_once_and_the_rest_returned()
    {
        var account = new MemoryCreditAccount(10);
        var hold = await account.FreezeAsync(4, "trim");
        Assert.Equal(new CreditBalance(6, 4), await account.BalanceAsync());
        await account.ChargeAsync(hold, 3);
        await account.ChargeAsync(hold, 3);
        Assert.Equal(new CreditBalance(7, 0), await account.BalanceAsync());
        await Assert.ThrowsAsync<InsufficientCreditsException>(() => account.FreezeAsync(8, "convert"));
        Assert.Equal(new CreditBalance(7, 0), await account.BalanceAsync());
    }
}
