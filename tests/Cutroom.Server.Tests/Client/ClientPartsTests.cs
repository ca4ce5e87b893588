using System.Text;
using System.Text.Json;
using Cutroom.Cli.Client;

namespace Cutroom.Server.Tests.Client;

[Trait("Tier", "Fast")]
public class ClientPartsTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_token_file_is_written_mode_0600_in_a_0700_folder_and_read_back()
    {
        using var dir = new TempDir();
        var store = new TokenStore(dir.File("cfg/cutroom"));
        var saved = new StoredCredentials("c0ffee00-0000-4000-8000-000000000001", "tok", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        store.Save(saved);
        store.Save(saved with { Token = "tok2" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir.File("cfg/cutroom")));
        Assert.Equal(saved with { Token = "tok2" }, store.Load());
        Assert.Single(Directory.GetFiles(dir.File("cfg/cutroom")));                       // no temp file left behind
        using var doc = JsonDocument.Parse(File.ReadAllText(store.FilePath));
        Assert.Equal(["client_id", "token", "expires_at"], doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void A_damaged_token_file_reads_as_none()
    {
        using var dir = new TempDir();
        var store = new TokenStore(dir.Path);
        File.WriteAllText(store.FilePath, "{not json");
        Assert.Null(store.Load());
        Assert.Null(new TokenStore(dir.File("nowhere")).Load());
    }

    [Fact]
    public void A_token_is_usable_until_it_expires()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        Assert.True(new StoredCredentials("c", "t", now.AddSeconds(1)).HasUsableToken(now));
        Assert.False(new StoredCredentials("c", "t", now).HasUsableToken(now));
        Assert.False(new StoredCredentials("c", null, now.AddDays(1)).HasUsableToken(now));
    }

    [Fact]
    public void Error_advice_gives_each_code_its_action()
    {
        var now = DateTimeOffset.UtcNow;
        static JsonElement J(string json) => JsonDocument.Parse(json).RootElement.Clone();

        var unsupported = ErrorAdvice.For(new ApiCallException(4001, "unsupported", J("""{"rejected":[{"name":"notes.mp4","reason":"not a media file"}],"accepted":["mp4","mov","png"],"limit_bytes":1}""")), now);
        Assert.StartsWith("notes.mp4: not a media file. Nothing from this upload was kept.", unsupported);
        Assert.Contains("Accepted formats: mp4, mov, png.", unsupported);

        var large = ErrorAdvice.For(new ApiCallException(4002, "too large", J("""{"rejected":[{"name":"big.mp4","reason":"too large"}],"accepted":[],"limit_bytes":524288000}""")), now);
        Assert.Contains("the limit is 500 MB per file", large);
        Assert.Contains("Compress it", large);
        Assert.Contains("trim it", large);

        var credits = ErrorAdvice.For(new ApiCallException(2001, "out of credits", J("""{"bind_url":"http://h/bind?bind=abc","available":1,"needed":5}""")), now);
        Assert.Contains("http://h/bind?bind=abc", credits);
        Assert.Contains("1 available, 5 needed", credits);
        Assert.EndsWith("Register to get more and keep your work: http://h/bind?bind=x_1", ErrorAdvice.For(new ApiCallException(2001, "Not enough credits. Register for more credits: http://h/bind?bind=x_1"), now));

        Assert.Contains("report request id req_42", ErrorAdvice.For(new ApiCallException(5000, "boom", J("""{"request_id":"req_42"}"""), "req_42"), now));
        Assert.Contains("register or upgrade", ErrorAdvice.For(new ApiCallException(402, "attribution"), now));
        Assert.Contains("try again in 30 seconds", ErrorAdvice.For(new ApiCallException(429, "slow down", retryAfter: TimeSpan.FromSeconds(30)), now));
        var later = ErrorAdvice.For(new ApiCallException(429, "a token was already issued to this client id; one is issued per 7 days. Retry after 600000 seconds.", retryAfter: TimeSpan.FromSeconds(600000)), now);
        Assert.Contains($"Try again after {(now + TimeSpan.FromSeconds(600000)).ToLocalTime():yyyy-MM-dd HH:mm} (in 6.9 days)", later);
        Assert.Contains("draft.t[0].d: must be positive", ErrorAdvice.For(new ApiCallException(4000, "invalid draft", J("""{"errors":[{"path":"draft.t[0].d","message":"must be positive"}]}""")), now));
    }

    [Fact]
    public async Task The_event_stream_reader_separates_events_from_heartbeats()
    {
        var text = ": heartbeat\n\ndata: {\"a\":1}\n\ndata: line1\ndata: line2\n\ndata:\n\nevent: x\nid: 3\ndata: {\"b\":2}\n\ndata: {\"tail\":true}";
        var items = new List<SseItem>();
        await foreach (var item in SseReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None)) items.Add(item);
        Assert.Equal([null, "{\"a\":1}", "line1\nline2", "", "{\"b\":2}", "{\"tail\":true}"], items.Select(i => i.Data));
        Assert.Equal([true, false, false, true, false, false], items.Select(i => i.IsHeartbeat));
    }

    [Fact]
    public void An_ADK_event_gives_its_text_progress_calls_and_errors()
    {
        var ev = AgentEvent.Parse("""{"content":{"role":"model","parts":[{"text":"Extracting"},{"functionCall":{"id":"1","name":"extract_frames","args":{}}}]},"partial":false,"turnComplete":true}""")!;
        Assert.Equal(["Extracting"], ev.Texts);
        Assert.Equal(["extract_frames"], ev.Calls);
        Assert.True(ev.TurnComplete);
        Assert.False(ev.Partial);
        var error = AgentEvent.Parse("""{"errorCode":"2001","errorMessage":"out of credits"}""")!;
        Assert.Equal(2001, error.ErrorCode);
        Assert.Equal("out of credits", error.ErrorMessage);
        Assert.Null(AgentEvent.Parse("not json"));
    }

    [Theory]
    [InlineData("out.webm", null, "webm")]
    [InlineData(null, "export as webm", "webm")]
    [InlineData("out.MP4", "export as gif", "mp4")]
    [InlineData(null, "export", "mp4")]
    public void The_export_format_follows_the_target_then_the_words(string? target, string? request, string format) =>
        Assert.Equal(format, Exporter.FormatFor(target, request));
}
