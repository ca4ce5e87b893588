using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task Health_the_OpenAPI_document_and_the_draft_schema_answer_without_a_token()
    {
        await using var server = await LiveServer.StartAsync();
        using (var res = await server.Http.GetAsync("healthz"))
        {
            var d = await LiveServer.ReadEnvelopeAsync(res, 200);
            Assert.True(d.GetProperty("database").GetBoolean() && d.GetProperty("storage").GetBoolean() && d.GetProperty("ffmpeg").GetBoolean());
        }
        using (var res = await server.Http.GetAsync("openapi/v1.json"))
        {
            Assert.Equal(200, (int)res.StatusCode);
            using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            var paths = doc.RootElement.GetProperty("paths");
            foreach (var p in new[] { "/api/auth/anonymous-token", "/api/tasks/me/with-session/nemo_agent", "/api/state/nemo_agent/me/{sessionId}/latest", "/api/credits/balance/simple",
                "/api/preview/nemo_agent/me/{sessionId}", "/api/preview/nemo_agent/me/{sessionId}/frame" })
                Assert.True(paths.TryGetProperty(p, out _), $"OpenAPI lacks {p}");
        }
        using (var res = await server.Http.GetAsync("api/schema/draft"))
        {
            Assert.Equal(200, (int)res.StatusCode);
            using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            Assert.True(doc.RootElement.GetProperty("properties").TryGetProperty("t", out _));
        }
        using (var res = await server.Http.GetAsync(""))
        {
            Assert.Equal(200, (int)res.StatusCode);
            Assert.Equal("text/html", res.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_migrated_schema_has_every_table_and_column_of_the_model()
    {
        await using var server = await LiveServer.StartAsync();
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        foreach (var entity in ctx.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            var columns = new HashSet<string>();
            using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) columns.Add(r.GetString(0));
            Assert.True(columns.Count > 0, $"table {table} is missing");
            foreach (var p in entity.GetProperties())
                Assert.True(columns.Contains(p.GetColumnName()), $"{table}.{p.GetColumnName()} is missing from the migration");
            foreach (var index in entity.GetIndexes())
            {
                using var ic = conn.CreateCommand();
                ic.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type='index' AND name='{index.GetDatabaseName()}'";
                Assert.True(Convert.ToInt32(await ic.ExecuteScalarAsync()) == 1, $"index {index.GetDatabaseName()} is missing from the migration");
            }
        }
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
    }
}
