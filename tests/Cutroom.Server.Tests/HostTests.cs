using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;

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
}
