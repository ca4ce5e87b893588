using System.Text.Json;

namespace Cutroom.Cli.Tests;

/// <summary>Bad requests to trim, convert, highlights, shots and summary: each gives its code, the flag of its field, exit 2, and writes nothing.</summary>
public class MediaJobErrorTests
{
    [Theory]
    [InlineData(new[] { "trim", "IN", "--from", "2", "--to", "1", "-o", "OUT/o.mp4" }, "out_of_range", "--to", "must be after the start (2 s), not 1 s")]
    [InlineData(new[] { "trim", "IN", "--from", "8", "--to", "20", "-o", "OUT/o.mp4" }, "out_of_range", "--to", "20 s is beyond the end of 'cockatoo.mp4' (14 s long)")]
    [InlineData(new[] { "trim", "IN", "--from", "soon", "--to", "1", "-o", "OUT/o.mp4" }, "wrong_type", "--from", "'soon' is not a time (use 12.5, 90s, 250ms or 1:02.250)")]
    [InlineData(new[] { "convert", "IN", "-o", "OUT/o.mp4", "--format", "webm" }, "not_applicable", "--format", "webm does not match the output name 'o.mp4'; name it *.webm")]
    [InlineData(new[] { "convert", "IN", "-o", "OUT/o.mp4", "--height", "1" }, "out_of_range", "--height", "must be 2 pixels or more")]
    [InlineData(new[] { "highlights", "IN", "--count", "51", "--out", "OUT/hl" }, "over_limit", "--count", "must be between 1 and 50")]
    [InlineData(new[] { "highlights", "IN", "--min", "20s", "--max", "15s", "--out", "OUT/hl" }, "out_of_range", "--max", "must not be shorter than the shortest clip (20 s)")]
    [InlineData(new[] { "highlights", "IN", "--min", "20s", "--out", "OUT/hl" }, "out_of_range", "--min", "is 20 s, longer than 'cockatoo.mp4' (14 s long); ask for shorter clips")]
    [InlineData(new[] { "shots", "IN", "--mode", "slow" }, "unknown_value", "--mode", "must be exact, fast or auto (got 'slow')")]
    [InlineData(new[] { "summary", "IN", "-o", "OUT/s", "--analysis", "slow" }, "unknown_value", "--analysis", "must be exact, fast or auto (got 'slow')")]
    public void A_bad_request_names_the_flag_exits_2_and_writes_nothing(string[] args, string code, string flag, string message)
    {
        using var dir = new TempDir();
        var out_ = dir.File("out");
        Directory.CreateDirectory(out_);
        string[] command = [.. args.Select(a => a == "IN" ? TestMedia.Real("video/cockatoo.mp4") : a.Replace("OUT", out_, StringComparison.Ordinal)), "--json"];
        var (exit, stdout, stderr) = CutroomCli.Run(command);

        Assert.Equal(2, exit);
        Assert.Equal($"cutroom: {flag}: {message}", stderr.Trim());
        using var json = JsonDocument.Parse(stdout);
        var error = json.RootElement.GetProperty("error");
        var kind = code == "over_limit" ? "over_limit" : "bad_input";
        Assert.Equal((code, kind, flag), (error.GetProperty("code").GetString(), error.GetProperty("kind").GetString(), error.GetProperty("field").GetString()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(out_));
    }
}
