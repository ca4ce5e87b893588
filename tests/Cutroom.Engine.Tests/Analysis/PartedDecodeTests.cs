using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.Tests.Shots;

namespace Cutroom.Engine.Tests.Analysis;

/// <summary>
/// The exact pass decodes a video in keyframe-aligned parts, one ffmpeg process each, and joins the
/// measurements: the result must be what one decoder over the whole video gives, seams included.
/// </summary>
public class PartedDecodeTests
{
    private static readonly MediaAnalyzer OneDecoder = new(EngineContext.CreateDefault(new EngineLimits { Threads = 1 }));
    private static readonly MediaAnalyzer ThreeDecoders = new(EngineContext.CreateDefault(new EngineLimits { Threads = 3 }));

    /// <summary>The known-cuts video with B-frames and keyframes at most cuts (so parts start on cuts), in another container.</summary>
    private static string KnownCutsIn(string extension, params string[] encode)
    {
        var mp4 = KnownCutsVideo.Get(preset: "veryfast");
        return extension == "mp4" && encode.Length == 0 ? mp4
            : TestMedia.Generate($"known-cuts-veryfast-{string.Join("", encode).Replace(":", "").Replace("=", "")}.{extension}",
                ["-i", mp4, .. (encode.Length == 0 ? ["-c", "copy"] : encode)]);
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("mkv")]
    public async Task Parts_decoded_side_by_side_measure_what_one_decoder_measures(string extension)
    {
        var video = KnownCutsIn(extension);
        var one = await OneDecoder.AnalyzeAsync(video, new AnalysisOptions { UseCache = false, Mode = AnalysisMode.Exact });
        var reports = new List<double>();
        var parted = await ThreeDecoders.AnalyzeAsync(video, new AnalysisOptions { UseCache = false, Mode = AnalysisMode.Exact },
            new Reports(reports));

        Assert.Equal(1, one.VideoDecoders);
        Assert.Equal(3, parted.VideoDecoders);   // three parts, no part decoded twice
        AssertSameMeasurements(one, parted);
        // Progress climbs steadily through the parts to the end.
        Assert.True(reports.Count > 20, $"{reports.Count} progress reports");
        Assert.Equal(reports.Order(), reports);
        var jump = reports.Zip(reports.Skip(1), (a, b) => b - a).Max();
        Assert.True(jump < 0.2, $"progress jumped by {jump:0.00}: {string.Join(' ', reports.Select(r => r.ToString("0.00")))}");
        Assert.InRange(reports[^2], 0.9, 0.98);
        Assert.Equal(1, reports[^1]);
    }

    /// <summary>Collects progress values on the reporting thread, in order.</summary>
    private sealed class Reports(List<double> values) : IProgress<double>
    {
        public void Report(double value) { lock (values) values.Add(value); }
    }

    [Fact]
    public async Task A_part_whose_seek_lands_past_its_keyframe_is_decoded_again_and_nothing_is_lost()
    {
        // MPEG-TS seeks by byte position and, with open GOPs, lands a GOP past the keyframe asked for.
        var video = KnownCutsIn("ts", "-c:v", "libx264", "-preset", "veryfast", "-x264-params", "open-gop=1:keyint=60", "-f", "mpegts");
        var one = await OneDecoder.AnalyzeAsync(video, new AnalysisOptions { UseCache = false, Mode = AnalysisMode.Exact });
        var parted = await ThreeDecoders.AnalyzeAsync(video, new AnalysisOptions { UseCache = false, Mode = AnalysisMode.Exact, SplitAnyContainer = true });
        var byDefault = await ThreeDecoders.AnalyzeAsync(video, new AnalysisOptions { UseCache = false, Mode = AnalysisMode.Exact });

        Assert.True(parted.VideoDecoders > 3, $"expected a part to be decoded again, {parted.VideoDecoders} decoders");
        AssertSameMeasurements(one, parted);
        Assert.Equal(1, byDefault.VideoDecoders);   // MPEG-TS is not split unless asked
        AssertSameMeasurements(one, byDefault);
    }

    private static void AssertSameMeasurements(AnalysisRecord one, AnalysisRecord parted)
    {
        Assert.Equal(one.FrameCount, one.FramesAnalysed);
        Assert.Equal(one.FramesAnalysed, parted.FramesAnalysed);
        Assert.Equal(one.Shots.Select(s => (s.StartFrame, s.EndFrame, s.StartMs, s.Transition)), parted.Shots.Select(s => (s.StartFrame, s.EndFrame, s.StartMs, s.Transition)));
        Assert.Equal(one.Shots.Select(s => s.Score), parted.Shots.Select(s => s.Score));
        Assert.Equal(one.Shots.Select(s => s.Brightness), parted.Shots.Select(s => s.Brightness));
        Assert.Equal(one.Motion, parted.Motion);
        Assert.Equal(one.Black, parted.Black);
        Assert.Equal(one.Frozen, parted.Frozen);
        Assert.True(one.Shots.Count >= 15, $"the known-cuts video should have about 20 shots, found {one.Shots.Count}");
    }
}
