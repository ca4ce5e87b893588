using Cutroom.Contract.Errors;
using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;

namespace Cutroom.Engine.Tests.Frames;

/// <summary>
/// The frame cap of <see cref="EngineLimits.MaxFramesPerRequest"/> (issue 17: "every frame" of a
/// file of 100,000 tiny frames wrote 100,193 JPGs): refused up front from the packet index, and
/// ffmpeg stops at the cap when the index under-reports.
/// </summary>
public sealed class FrameLimitTests
{
    private static EngineContext Capped(int cap) => Engine.Context.WithLimits(Engine.Context.Limits with { MaxFramesPerRequest = cap });

    [Theory]
    [InlineData("every", 249)]
    [InlineData("fps", 249)]
    [InlineData("count", 100)]
    public async Task A_request_selecting_more_than_the_cap_is_refused_before_anything_is_written(string field, int cap)
    {
        using var dir = new TempDir();
        var output = dir.File("frames");
        FrameSelector selector = field switch
        {
            "every" => new FrameSelector.Every(1),
            "fps" => new FrameSelector.Rate(new Cutroom.Contract.Time.Rational(25, 1)),
            _ => new FrameSelector.Count(cap + 1),
        };
        var request = new FramesRequest { InputPath = Engine.Numbered250, OutputDirectory = output, Selector = selector };
        var e = await Assert.ThrowsAsync<FrameLimitException>(() => new FrameExtractor(Capped(cap)).RunAsync(request));
        Assert.Equal(JobErrorCodes.OverLimit, e.Code);
        Assert.Equal(field, e.Error.Field);
        Assert.Equal(cap, e.Limit);
        Assert.Contains($"limit of {cap} per request", e.Message, StringComparison.Ordinal);
        Assert.Contains("ask for fewer", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    [Fact]
    public async Task At_the_cap_exactly_every_frame_is_written()
    {
        using var dir = new TempDir();
        var request = new FramesRequest { InputPath = Engine.Numbered250, OutputDirectory = dir.File("frames"), Selector = new FrameSelector.Every(1) };
        var result = await new FrameExtractor(Capped(250)).RunAsync(request);
        Assert.Equal(250, result.Frames.Count);
        Assert.Equal(250, Directory.EnumerateFiles(result.OutputDirectory, "*.jpg").Count());
    }

    [Fact]
    public async Task Ffmpeg_stops_at_the_cap_when_the_index_under_reports()
    {
        using var dir = new TempDir();
        var request = new FramesRequest { InputPath = Engine.Numbered250, OutputDirectory = dir.File("frames"), Selector = new FrameSelector.Every(1) };
        // Without the up-front check, as when the packet index shows fewer frames than the decoder makes.
        var result = await new FrameExtractor(Capped(40), FrameExtractor.SeekGapFrames, checkCapUpFront: false).RunAsync(request);
        Assert.Equal(40, result.Frames.Count);
        Assert.Equal(40, Directory.EnumerateFiles(result.OutputDirectory, "*.jpg").Count());
        Assert.Contains(result.Warnings, w => w.Contains("limit of 40 frames", StringComparison.Ordinal));
    }
}
