using System.Net.Http.Json;
using System.Text.Json;
using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Uploads;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>
/// Links (signed downloads in upload answers and state, the registration link of 2001) start with
/// <c>Cutroom__PublicBaseUrl</c> when set, else the listening address, and never with the request's
/// <c>Host</c> header (issue 17: <c>Host: evil.example</c> was copied into signed URLs).
/// </summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("https://cutroom.example.com/studio/")]
    public async Task Every_link_starts_with_the_public_base_url_or_the_listening_address_whatever_the_Host_header(string? publicBase)
    {
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.PublicBaseUrl = publicBase;
            o.Auth.SignupCredits = 1;
        });
        var expected = publicBase is null ? server.BaseUrl : publicBase.TrimEnd('/');
        var client = await server.NewClientAsync();
        client.Http.DefaultRequestHeaders.Host = "evil.example";

        using (var res = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("video/cockatoo.mp4"))))
        {
            var data = await LiveServer.ReadEnvelopeAsync(res, 200);
            var urls = Urls(data).ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, u => Assert.StartsWith(expected + "/files/", u, StringComparison.Ordinal));
        }

        var state = await client.StateAsync();
        var stateUrls = Urls(state).ToList();
        Assert.NotEmpty(stateUrls);
        Assert.All(stateUrls, u => Assert.StartsWith(expected + "/files/", u, StringComparison.Ordinal));

        using (var res = await client.Http.PostAsJsonAsync("run", ChatCalls.Body(client.SessionId, "find the highlights of my video")))
        {
            var error = await server.ReadErrorAsync(res, 402, 2001);
            Assert.StartsWith(expected + "/bind?bind=", error.GetProperty("data").GetProperty("bind_url").GetString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("evil.example", state.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_base_url_that_is_not_an_absolute_http_url_stops_the_server_at_start()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => LiveServer.StartAsync(o => o.PublicBaseUrl = "ftp://x.example"));
        Assert.Contains("PublicBaseUrl", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Every string that looks like an absolute URL in <paramref name="e"/>.</summary>
    private static IEnumerable<string> Urls(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String when e.GetString()!.StartsWith("http", StringComparison.Ordinal):
                yield return e.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) foreach (var u in Urls(p.Value)) yield return u;
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) foreach (var u in Urls(x)) yield return u;
                break;
        }
    }
}
