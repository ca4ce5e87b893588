using Cutroom.Contract.Errors;
using Cutroom.Agent.Sessions;
using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests;

public sealed class CreditLedgerTests
{
    [Fact]
    public async Task Concurrent_freezes_never_take_the_balance_below_zero_and_each_hold_is_charged_once()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync(); // 100 credits
        var ledger = server.Services.GetRequiredService<CreditLedger>();
        var accountId = await AccountOfAsync(server, client);
        var account = ledger.For(accountId, "job_test");

        // 40 operations of 7 credits at once: at most 14 fit in 100.
        var holds = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            try { return await account.FreezeAsync(7, "extract_frames"); }
            catch (InsufficientCreditsException) { return null; }
        }));
        var granted = holds.Where(h => h is not null).Cast<CreditHold>().ToList();
        Assert.Equal(14, granted.Count);
        var during = await account.BalanceAsync();
        Assert.Equal(2, during.Available);
        Assert.Equal(98, during.Frozen);

        // Settle every hold twice at once (charge 5 of 7, and a release racing it): only the first settle counts.
        await Task.WhenAll(granted.SelectMany(h => new[] { account.ChargeAsync(h, 5), account.ReleaseAsync(h), account.ChargeAsync(h, 7) }));
        var after = await account.BalanceAsync();
        Assert.Equal(0, after.Frozen);
        Assert.True(after.Available >= 100 - 14 * 7 && after.Available <= 100, $"available {after.Available}");
        var settles = await SettleCountAsync(server, accountId);
        Assert.Equal(14, settles);
        Assert.Equal(100 - after.Total, await ledger.SpentAsync(accountId));
        var (available, frozen, total) = await client.CreditsAsync();
        Assert.Equal((after.Available, 0, after.Total), (available, frozen, total));
    }

    [Fact]
    public async Task A_released_hold_returns_everything_and_a_charge_takes_at_most_the_estimate()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var ledger = server.Services.GetRequiredService<CreditLedger>();
        var account = ledger.For(await AccountOfAsync(server, client));
        var a = await account.FreezeAsync(10, "highlights");
        Assert.Equal((90, 10, 100), await client.CreditsAsync());
        await account.ReleaseAsync(a);
        Assert.Equal((100, 0, 100), await client.CreditsAsync());
        var b = await account.FreezeAsync(10, "highlights");
        await account.ChargeAsync(b, 25); // more than frozen: capped at the estimate
        Assert.Equal((90, 0, 90), await client.CreditsAsync());
        await Assert.ThrowsAsync<InsufficientCreditsException>(() => account.FreezeAsync(91, "convert"));
    }

    [Fact]
    public async Task Two_servers_on_one_database_never_overdraw_an_account_and_settle_each_hold_once()
    {
        // Two servers in one test process, each with its own ledger (and in-process gate), share the
        // data folder's database: only the database's lock keeps their freezes apart (the account's
        // row lock on PostgreSQL, the file's write lock on SQLite).
        using var data = new TempDir();
        try
        {
            await using var one = await LiveServer.StartAsync(o => o.DataDir = data.Path);
            await using var two = await LiveServer.StartAsync(o => o.DataDir = data.Path);
            var client = await one.NewClientAsync(); // 100 credits
            var accountId = await AccountOfAsync(one, client);
            var accounts = new[] { one, two }.Select(s => s.Services.GetRequiredService<CreditLedger>().For(accountId, "job_test")).ToArray();

            // Rounds of four freezes of 60 at once, two from each server: exactly one fits in 100 each time.
            var holds = new List<CreditHold>();
            for (var round = 0; round < 10; round++)
            {
                var tries = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
                {
                    try { return await accounts[i % 2].FreezeAsync(60, "highlights"); }
                    catch (InsufficientCreditsException) { return null; }
                }));
                var won = tries.Where(h => h is not null).Cast<CreditHold>().ToList();
                Assert.True(won.Count == 1, $"round {round}: {won.Count} freezes of 60 against 100 credits were granted");
                Assert.Equal((40, 60, 100), await client.CreditsAsync());
                holds.Add(won[0]);
                await accounts[round % 2].ReleaseAsync(won[0]);
            }

            // Each hold settled by both servers at once (a charge of 5 by one, 7 by the other): it was released already, so nothing is charged.
            await Task.WhenAll(holds.SelectMany(h => new[] { accounts[0].ChargeAsync(h, 5), accounts[1].ChargeAsync(h, 7) }));
            Assert.Equal(10, await SettleCountAsync(two, accountId));
            Assert.Equal((100, 0, 100), await client.CreditsAsync());

            // Fresh holds settled by both at once: one settle line each, at 5 or 7.
            var fresh = new List<CreditHold>();
            for (var i = 0; i < 10; i++) fresh.Add(await accounts[i % 2].FreezeAsync(7, "extract_frames"));
            await Task.WhenAll(fresh.SelectMany(h => new[] { accounts[0].ChargeAsync(h, 5), accounts[1].ChargeAsync(h, 7) }));
            Assert.Equal(20, await SettleCountAsync(one, accountId));
            var (available, frozen, total) = await client.CreditsAsync();
            Assert.Equal((0, total), (frozen, available));
            Assert.InRange(100 - total, 10 * 5, 10 * 7);
            Assert.Equal(100 - total, await one.Services.GetRequiredService<CreditLedger>().SpentAsync(accountId));
        }
        finally
        {
            await TestDatabase.DropAsync(data.Path);
        }
    }

    internal static async Task<string> AccountOfAsync(LiveServer server, ApiClient client)
    {
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        return await ctx.Accounts.Where(a => a.ClientId == client.ClientId).Select(a => a.Id).FirstAsync();
    }

    private static async Task<int> SettleCountAsync(LiveServer server, string accountId)
    {
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        return await ctx.Credits.CountAsync(c => c.AccountId == accountId && c.Kind == "settle");
    }
}
