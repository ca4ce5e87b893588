using Cutroom.Server.Jobs;
using static Cutroom.Server.Jobs.FairQueue;

namespace Cutroom.Server.Tests.Jobs;

[Trait("Tier", "Fast")]
public sealed class FairQueueTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Rules Renders = new(PerAccount: 2, OnePerSession: false);
    private static readonly Rules Chat = new(PerAccount: 2, OnePerSession: true);

    private static Waiting W(string id, string account, int second, string? session = null) => new(id, account, session ?? "ses_" + account, T0.AddSeconds(second));

    [Fact]
    public void An_account_that_queued_later_goes_before_the_second_job_of_an_account_already_served()
    {
        // A queued five renders; its first started; then B queued one.
        var queued = new[] { W("a2", "A", 1), W("a3", "A", 2), W("a4", "A", 3), W("a5", "A", 4), W("b1", "B", 10) };
        Assert.Equal("b1", Next(queued, [], new Dictionary<string, DateTime> { ["A"] = T0.AddSeconds(5) }, Renders));
        // ...also while A's first still runs (fewer running first).
        Assert.Equal("b1", Next(queued, [new Busy("A", "ses_A")], new Dictionary<string, DateTime> { ["A"] = T0.AddSeconds(5) }, Renders));
    }

    [Fact]
    public void Accounts_take_turns_in_the_order_they_were_last_served_and_each_account_runs_its_oldest_job_first()
    {
        var queued = new[] { W("a3", "A", 3), W("a2", "A", 2), W("b2", "B", 4), W("c1", "C", 9) };
        var last = new Dictionary<string, DateTime> { ["A"] = T0.AddSeconds(20), ["B"] = T0.AddSeconds(30) };
        Assert.Equal("c1", Next(queued, [], last, Renders)); // never served
        Assert.Equal("a2", Next(queued.Where(q => q.Id != "c1").ToList(), [], last, Renders)); // served longest ago, its oldest
    }

    [Fact]
    public void An_account_at_its_limit_starts_nothing_more_while_others_still_can()
    {
        var running = new[] { new Busy("A", "s1"), new Busy("A", "s2") };
        Assert.Null(Next([W("a3", "A", 1)], running, new Dictionary<string, DateTime>(), Renders));
        Assert.Equal("b1", Next([W("a3", "A", 1), W("b1", "B", 2)], running, new Dictionary<string, DateTime>(), Renders));
        Assert.Equal("a3", Next([W("a3", "A", 1)], running.Take(1).ToList(), new Dictionary<string, DateTime>(), Renders));
        Assert.Equal("a3", Next([W("a3", "A", 1)], running, new Dictionary<string, DateTime>(), new Rules(3, false)));
    }

    [Fact]
    public void A_chat_turn_waits_while_its_session_runs_one_and_a_session_s_turns_start_oldest_first()
    {
        var queued = new[] { W("t2", "A", 2, "s1"), W("t3", "A", 3, "s1"), W("u1", "A", 4, "s2") };
        Assert.Equal("u1", Next(queued, [new Busy("A", "s1")], new Dictionary<string, DateTime>(), Chat));
        Assert.Equal("t2", Next(queued, [], new Dictionary<string, DateTime>(), Chat));
        Assert.Null(Next(queued.Take(2).ToList(), [new Busy("A", "s1")], new Dictionary<string, DateTime>(), Chat));
    }

    [Fact]
    public void Nothing_queued_starts_nothing()
    {
        Assert.Null(Next([], [new Busy("A", "s")], new Dictionary<string, DateTime>(), Renders));
    }

    [Fact]
    public void The_cron_of_the_recovery_job_fires_at_the_configured_interval()
    {
        Assert.Equal("*/15 * * * * *", JobEngine.CronOf(TimeSpan.FromSeconds(15)));
        Assert.Equal("*/1 * * * * *", JobEngine.CronOf(TimeSpan.FromMilliseconds(200)));
        Assert.Equal("0 */2 * * * *", JobEngine.CronOf(TimeSpan.FromMinutes(2)));
    }
}
