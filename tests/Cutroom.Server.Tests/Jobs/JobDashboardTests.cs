using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Jobs;

/// <summary>The job engine's dashboard is for operators: behind the admin key, and absent without one.</summary>
public sealed class JobDashboardTests
{
    [Fact]
    public async Task The_dashboard_answers_only_with_the_admin_key_and_shows_the_engine_s_queues_and_servers()
    {
        await using var server = await LiveServer.StartAsync(o => o.AdminKey = "k3y-for-tests");
        using (var res = await server.Http.GetAsync("admin/jobs"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
            Assert.Contains("Basic", res.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "admin/jobs"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:wrong")));
            using var res = await server.Http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        }
        using (var right = new HttpRequestMessage(HttpMethod.Get, "admin/jobs/servers"))
        {
            right.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:k3y-for-tests")));
            using var res = await server.Http.SendAsync(right);
            var html = await res.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.Contains("Cutroom jobs", html, StringComparison.Ordinal);
            Assert.Contains(":render", html, StringComparison.Ordinal); // this process's render lane is a server of the engine
        }
        using (var bearer = new HttpRequestMessage(HttpMethod.Get, "admin/jobs/recurring"))
        {
            bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "k3y-for-tests");
            using var res = await server.Http.SendAsync(bearer);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.Contains("cutroom-recover", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_engine_s_services_use_this_server_s_storage()
    {
        await using var server = await LiveServer.StartAsync();
        var storage = server.Services.GetRequiredService<Hangfire.JobStorage>();
        if (string.Equals(server.Options.Database.Provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            // On PostgreSQL (CUTROOM_TEST_POSTGRES) the engine keeps its tables in the server's own database.
            Assert.IsType<Hangfire.PostgreSql.PostgreSqlStorage>(storage);
            Assert.False(File.Exists(Path.Combine(server.DataDir, "jobs-engine.db")));
        }
        else
        {
            Assert.IsType<Hangfire.Storage.SQLite.SQLiteStorage>(storage);
            Assert.True(File.Exists(Path.Combine(server.DataDir, "jobs-engine.db")));
        }
    }

    [Fact]
    public async Task Without_an_admin_key_there_is_no_dashboard()
    {
        await using var server = await LiveServer.StartAsync();
        using var res = await server.Http.GetAsync("admin/jobs");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
    }
}
