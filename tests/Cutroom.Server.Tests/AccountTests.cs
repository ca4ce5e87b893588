using System.Net;
using Cutroom.Server.Accounts;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests;

public sealed class AccountTests
{
    [Fact]
    public async Task The_bind_page_registers_an_email_address_and_refuses_unknown_codes_and_bad_addresses()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        string code;
        await using (var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync())
            code = await ctx.Accounts.Where(a => a.ClientId == client.ClientId).Select(a => a.BindCode).FirstAsync();

        using (var page = await server.Http.GetAsync($"bind?bind={code}"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<label for=\"email\">", html);
            Assert.Contains($"value=\"{code}\"", html);
        }
        using (var page = await server.Http.GetAsync("bind?bind=nosuchcode"))
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using (var bad = await server.Http.PostAsync("bind", new FormUrlEncodedContent(new Dictionary<string, string> { ["bind"] = code, ["email"] = "<script>x" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.DoesNotContain("<script>", await bad.Content.ReadAsStringAsync());
        }
        using (var ok = await server.Http.PostAsync("bind", new FormUrlEncodedContent(new Dictionary<string, string> { ["bind"] = code, ["email"] = "ana@example.org" })))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await using (var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync())
            Assert.Equal("ana@example.org", await ctx.Accounts.Where(a => a.ClientId == client.ClientId).Select(a => a.Email).FirstAsync());
    }

    [Fact]
    public async Task An_operator_grant_adds_credits_that_the_client_sees()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        using (var admin = new AdminTools(server.Options))
        {
            var usage = await admin.GrantAsync(client.ClientId, 250);
            Assert.Equal(350, usage.Available);
            await Assert.ThrowsAsync<KeyNotFoundException>(() => admin.GrantAsync("no-such-client", 5));
            var list = await admin.ListAsync();
            Assert.Contains(list, a => a.ClientId == client.ClientId && a.Sessions == 1);
        }
        Assert.Equal((350, 0, 350), await client.CreditsAsync());
    }
}
