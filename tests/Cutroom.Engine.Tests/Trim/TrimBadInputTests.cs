using Cutroom.Contract.Time;
using Cutroom.Engine.Trim;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using static Cutroom.Engine.Tests.MediaCheck;

namespace Cutroom.Engine.Tests.Trim;

public class TrimBadInputTests
{
    private static Task<TrimResult> Trim(string input, double from, double to, string output, TrimMode mode = TrimMode.Exact) =>
        new TrimJob(Context.Value).RunAsync(new TrimRequest(input, MediaTime.FromSeconds(from), MediaTime.FromSeconds(to), output) { Mode = mode });

    [Theory]
    [InlineData(TrimMode.Exact)]
    [InlineData(TrimMode.Fast)]
    public async Task An_end_beyond_the_end_of_the_file_is_one_clear_error_and_leaves_nothing(TrimMode mode)
    {
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<JobInputException>(() => Trim(TestMedia.Real("video/cockatoo.mp4"), 8, 20, dir.File("out.mp4"), mode));
        Assert.Equal((JobErrorCodes.OutOfRange, JobFields.End), (e.Code, e.Error.Field));
        Assert.Equal("end: 20 s is beyond the end of 'cockatoo.mp4' (14 s long)", e.Message);
        Assert.Empty(Entries(dir.Path));
    }

    [Fact]
    public async Task A_start_beyond_the_end_of_the_file_is_an_error()
    {
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<JobInputException>(() => Trim(NumberedClip(), 5, 6, dir.File("out.mp4")));
        Assert.Equal((JobErrorCodes.OutOfRange, JobFields.Start), (e.Code, e.Error.Field));
        Assert.StartsWith("start: 5 s is beyond the end of", e.Message, StringComparison.Ordinal);
        Assert.Empty(Entries(dir.Path));
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(1.5, 1.5)]
    public async Task An_end_not_after_the_start_is_a_bad_request(double from, double to)
    {
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<JobInputException>(() => Trim(NumberedClip(), from, to, dir.File("out.mp4")));
        Assert.Equal((JobErrorCodes.OutOfRange, JobFields.End, ErrorKind.BadInput), (e.Code, e.Error.Field, e.Kind));
        Assert.Contains("must be after the start", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Entries(dir.Path));
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_refused_and_leaves_nothing()
    {
        using var inputs = new TempDir();
        using var dir = new TempDir();
        var text = inputs.File("notes.mp4");
        await File.WriteAllTextAsync(text, "these are not the frames you are looking for\n");
        var e = await Assert.ThrowsAsync<MediaProbeException>(() => Trim(text, 0, 1, dir.File("out.mp4")));
        Assert.Contains("notes.mp4", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Entries(dir.Path));
    }

    [Fact]
    public async Task A_missing_file_is_refused_and_leaves_nothing()
    {
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<MediaProbeException>(() => Trim(dir.File("nowhere.mp4"), 0, 1, dir.File("out.mp4")));
        Assert.Equal("'nowhere.mp4' was not found (no such file)", e.Message);
        Assert.Empty(Entries(dir.Path));
    }

    [Fact]
    public async Task Audio_only_input_is_refused()
    {
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<MediaProbeException>(() => Trim(TestMedia.Real("audio/toy-mono.wav"), 0, 1, dir.File("out.mp4")));
        Assert.Contains("no video stream", e.Message, StringComparison.Ordinal);
        Assert.Empty(Entries(dir.Path));
    }
}
