using System.Text.Json;

namespace Cutroom.Cli.Tests;

/// <summary>animate and create name each bad field by its flag, with the request's code, and exit 2.</summary>
public sealed class AnimateAndCreateErrorTests
{
    [Theory]
    [InlineData("--quality", "ultra", "unknown_value")]
    [InlineData("--duration", "700", "over_limit")]
    [InlineData("--fps", "90", "out_of_range")]
    [InlineData("--duration", "soon", "wrong_type")]
    public void A_bad_animate_option_is_a_coded_error_on_its_flag(string flag, string value, string code)
    {
        using var dir = new TempDir();
        var (exit, stdout, stderr) = CutroomCli.Run("animate", TestMedia.Real("image/chelsea.png"), "-o", dir.File("a.mp4"), flag, value, "--json");
        Assert.Equal(2, exit);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal((code, flag), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        Assert.StartsWith($"cutroom: {flag}: ", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_slideshow_of_a_song_alone_is_unsupported_media_naming_the_file()
    {
        using var dir = new TempDir();
        var (exit, _, stderr) = CutroomCli.Run("create", TestMedia.Real("audio/toy-mono.wav"), "-o", dir.File("a.mp4"));
        Assert.Equal(2, exit);
        Assert.Contains("'toy-mono.wav' has no picture", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--music", stderr, StringComparison.Ordinal);
    }
}
