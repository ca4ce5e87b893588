using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.DevApi.Webhooks;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>Signed webhooks of render ends on a loopback receiver; retries with growing delays on a fake webhook clock; redelivery by hand.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task A_finished_render_is_posted_signed_to_its_callback_url_and_to_the_accounts_endpoint_and_each_delivery_is_listed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await LiveServer.StartAsync(o => o.Webhooks.AllowLoopback = true);
        using var dev = await V1Client.CreateAsync(server, "hooks");
        var (exit, stdout, stderr) = await AdminCli.RunAsync(server, new Dictionary<string, string> { ["Cutroom__Webhooks__AllowLoopback"] = "true" },
            "webhooks", "add", "--key", "hooks", "--url", receiver.BaseUrl + "/account", "--json");
        Assert.True(exit == 0, stderr);
        var endpointSecret = JsonDocument.Parse(stdout).RootElement.GetProperty("secret").GetString()!;

        var media = await dev.UploadAsync(TestMedia.Real("video/cockatoo.mp4"));
        using (var bad = await dev.PostJsonAsync("v1/renders", "{\"draft\":" + RenderKit.Draft(media) + ",\"callback_url\":\"ftp://example.com/hook\"}"))
            Assert.Equal("callback_url", (await V1Client.ProblemAsync(bad, 400, "invalid_request")).GetProperty("field").GetString());
        string id;
        using (var res = await dev.PostJsonAsync("v1/renders", "{\"draft\":" + RenderKit.Draft(media, durationMs: 1500) + ",\"callback_url\":\"" + receiver.BaseUrl + "/callback\"}"))
            id = (await V1Client.ReadAsync(res, 202)).GetProperty("id").GetString()!;

        var got = await receiver.WaitForAsync(2, TimeSpan.FromMinutes(5));
        var callback = got.Single(r => r.Path == "/callback");
        var account = got.Single(r => r.Path == "/account");
        Assert.True(WebhookSignature.Verify(callback.Headers["Cutroom-Signature"], dev.WebhookSecret, callback.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.True(WebhookSignature.Verify(account.Headers["Cutroom-Signature"], endpointSecret, account.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(account.Headers["Cutroom-Signature"], dev.WebhookSecret, account.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.True(VerifyByHand(callback.Headers["Cutroom-Signature"], dev.WebhookSecret, callback.Body));
        var tampered = callback.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.False(VerifyByHand(callback.Headers["Cutroom-Signature"], dev.WebhookSecret, tampered));

        var evt = JsonDocument.Parse(callback.Body).RootElement;
        Assert.Equal("render.completed", evt.GetProperty("type").GetString());
        Assert.Equal(id, evt.GetProperty("data").GetProperty("render").GetProperty("id").GetString());
        Assert.Equal(evt.GetProperty("id").GetString(), callback.Headers["Cutroom-Event-Id"]);
        Assert.Equal(callback.Headers["Cutroom-Event-Id"], account.Headers["Cutroom-Event-Id"]);

        // The event says where to look; the render answers a fresh link to the output.
        using (var res = await dev.Http.GetAsync($"v1/renders/{id}"))
        {
            var render = await V1Client.ReadAsync(res, 200);
            using var temp = new TempDir();
            var file = await RenderKit.DownloadAsync(render.GetProperty("output").GetProperty("url").GetString()!, temp, "out.mp4");
            Assert.InRange(RenderKit.DurationMs(RenderKit.Probe(file)), 1300, 1800);
        }
        using (var res = await dev.Http.GetAsync("v1/webhooks/deliveries"))
        {
            var list = (await V1Client.ReadAsync(res, 200)).GetProperty("data");
            Assert.Equal(2, list.GetArrayLength());
            foreach (var d in list.EnumerateArray())
            {
                Assert.Equal("delivered", d.GetProperty("status").GetString());
                Assert.Equal(200, d.GetProperty("attempts")[0].GetProperty("status_code").GetInt32());
            }
        }
    }

    [Fact]
    public async Task A_failing_receiver_gets_retries_with_doubling_delays_until_the_retry_period_ends_and_a_redelivery_by_hand_succeeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        var fake = new CountingClock(DateTimeOffset.UtcNow);
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Webhooks.AllowLoopback = true;
            o.Webhooks.RetryFor = TimeSpan.FromHours(1);
        }, s => s.AddSingleton(new WebhookClock(fake)));
        using var dev = await V1Client.CreateAsync(server);
        var media = await dev.UploadAsync(TestMedia.Real("video/cockatoo.mp4"));
        using (var res = await dev.PostJsonAsync("v1/renders", "{\"draft\":" + RenderKit.Draft(media, durationMs: 1000) + ",\"callback_url\":\"" + receiver.BaseUrl + "/hook\"}"))
            await V1Client.ReadAsync(res, 202);

        var db = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        var deliveryId = await WaitForDeliveryAsync(db);
        var status = await DriveClockAsync(db, fake, deliveryId, TimeSpan.FromMinutes(5));
        Assert.Equal(WebhookStates.Failed, status);

        List<DateTime> times;
        await using (var ctx = await db.CreateDbContextAsync())
            times = await ctx.WebhookAttempts.Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).Select(a => a.At).ToListAsync();
        // 0, 30 s, 90 s, 210 s, 450 s, 930 s, 1890 s, 3810 s: the last is past the hour, so it is the last.
        Assert.Equal(8, times.Count);
        Assert.Equal(8, receiver.Requests.Count);
        for (var i = 1; i < times.Count; i++)
        {
            var gap = times[i] - times[i - 1];
            var expected = TimeSpan.FromSeconds(30 * Math.Pow(2, i - 1));
            Assert.True(gap >= expected && gap < expected + TimeSpan.FromSeconds(15), string.Create(CultureInfo.InvariantCulture, $"gap {i}: {gap}, expected {expected}"));
        }

        using (var res = await dev.Http.GetAsync($"v1/webhooks/deliveries/{deliveryId}"))
        {
            var d = await V1Client.ReadAsync(res, 200);
            Assert.Equal("failed", d.GetProperty("status").GetString());
            Assert.All(d.GetProperty("attempts").EnumerateArray(), a => Assert.Equal(500, a.GetProperty("status_code").GetInt32()));
        }
        receiver.Status = 204;
        using (var res = await dev.Http.PostAsync($"v1/webhooks/deliveries/{deliveryId}/redeliver", null))
        {
            var d = await V1Client.ReadAsync(res, 200);
            Assert.Equal("delivered", d.GetProperty("status").GetString());
            Assert.Equal(9, d.GetProperty("attempts").GetArrayLength());
            Assert.Equal(204, d.GetProperty("attempts")[8].GetProperty("status_code").GetInt32());
        }
        Assert.Equal(9, receiver.Requests.Count);
        using var stranger = await V1Client.CreateAsync(server, "stranger");
        using (var res = await stranger.Http.PostAsync($"v1/webhooks/deliveries/{deliveryId}/redeliver", null))
            await V1Client.ProblemAsync(res, 404, "not_found");
    }

    /// <summary>The receiver's check as docs/developer-api.md shows it: HMAC-SHA256 over "t.body" with the secret, hex, compared in constant time.</summary>
    private static bool VerifyByHand(string header, string secret, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var signed = System.Text.Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(body).ToArray();
        var mac = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), signed));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(mac), System.Text.Encoding.ASCII.GetBytes(parts["v1"]));
    }

    private static async Task<string> WaitForDeliveryAsync(IDbContextFactory<CutroomDb> db)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (DateTime.UtcNow < until)
        {
            await using var ctx = await db.CreateDbContextAsync();
            if (await ctx.WebhookDeliveries.Select(d => d.Id).FirstOrDefaultAsync() is { } id) return id;
            await Task.Delay(200);
        }
        Assert.Fail("no webhook delivery was made");
        return "";
    }

    /// <summary>
    /// Moves the fake webhook clock to each due attempt until the delivery is no longer pending; returns its final state.
    /// The n-th wait is the n-th timer of the clock: the clock moves only once the dispatcher waits on it.
    /// </summary>
    private static async Task<string> DriveClockAsync(IDbContextFactory<CutroomDb> db, CountingClock fake, string deliveryId, TimeSpan realTimeout)
    {
        var until = DateTime.UtcNow + realTimeout;
        while (DateTime.UtcNow < until)
        {
            Cutroom.Server.Data.Entities.WebhookDelivery d;
            await using (var ctx = await db.CreateDbContextAsync())
                d = await ctx.WebhookDeliveries.AsNoTracking().SingleAsync(x => x.Id == deliveryId);
            if (d.Status != WebhookStates.Pending) return d.Status;
            var now = fake.GetUtcNow().UtcDateTime;
            // + 1 ms: PostgreSQL keeps microseconds, so the stored due time may be a little before the real one.
            if (d.Attempts > 0 && fake.Timers >= d.Attempts && d.NextAttemptAt is { } due && due + Slack > now) fake.Advance(due + Slack - now);
            await Task.Delay(50);
        }
        Assert.Fail($"delivery {deliveryId} was still pending after {realTimeout}");
        return "";
    }

    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(1);

    /// <summary>A fake clock that counts the timers made on it (each retry wait makes one).</summary>
    internal sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }
}
