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

    [Fact]
    public async Task The_admin_command_grants_on_the_servers_database_as_a_separate_process()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var dll = Path.Combine(AppContext.BaseDirectory, "cutroom.dll");
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "admin", "credits", "--client", client.ClientId, "--add", "40", "--data", server.DataDir, "--json" })
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in TestDatabase.EnvironmentFor(server.DataDir)) psi.Environment[k] = v; // Cutroom__Database__* on PostgreSQL, as an operator sets them
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "cutroom admin did not exit");
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {await stderr}");
        using var doc = System.Text.Json.JsonDocument.Parse(await stdout);
        Assert.Equal(140, doc.RootElement.GetProperty("available").GetInt32());
        Assert.Equal((140, 0, 140), await client.CreditsAsync());
    }
}
