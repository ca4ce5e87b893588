using System.Globalization;
using System.Text.Json;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Highlights;
using Cutroom.Engine.Tests.Analysis;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Highlights;

public class HighlightsJobTests
{
    private static readonly HighlightsJob Job = new(Engine.Context);

    /// <summary>True when the webinar's syllable generator (<see cref="AnalysisMedia.Syllables"/>) is sounding at <paramref name="t"/> s.</summary>
    private static bool InSyllable(double t) => t % 0.37 < 0.25 && t % 4.1 > 0.9;

    private static bool NearSyllable(double t, double marginSeconds) =>
        Enumerable.Range(-5, 11).Any(k => InSyllable(t + k * marginSeconds / 5));

    [Fact]
    public async Task The_loud_moments_of_a_webinar_are_among_the_highlights_and_no_clip_cuts_a_syllable()
    {
        using var dir = new TempDir();
        var outDir = dir.File("hl");
        var result = await Job.RunAsync(new HighlightsRequest(AnalysisMedia.Webinar, outDir) { Count = 3, Min = MediaTime.FromSeconds(8), Max = MediaTime.FromSeconds(20), UseCache = false });

        Assert.Equal(3, result.Clips.Count);
        foreach (var (start, end) in AnalysisMedia.WebinarLoud)
            Assert.Contains(result.Clips, c => c.StartMs <= start * 1000 + 500 && c.EndMs >= end * 1000 - 500);
        foreach (var c in result.Clips)
        {
            Assert.InRange(c.EndMs - c.StartMs, 8000, 20000);
            // 20 ms either side of each boundary is free of the syllable generator's sound.
            Assert.False(NearSyllable(c.StartMs / 1000.0, 0.02), $"clip {c.Rank} starts inside a syllable at {c.StartMs} ms");
            Assert.False(NearSyllable(c.EndMs / 1000.0, 0.02), $"clip {c.Rank} ends inside a syllable at {c.EndMs} ms");
            Assert.NotEmpty(c.Reasons);
            var file = Path.Combine(result.OutputDirectory, c.File);
            var info = await Engine.Context.Prober.ProbeAsync(file, measureFrames: false);
            Assert.NotNull(info.Video);
            Assert.NotNull(info.Audio);
            Assert.InRange(info.DurationMs!.Value, c.EndMs - c.StartMs - 150, c.EndMs - c.StartMs + 150);
        }
        Assert.Contains(result.Clips, c => c.Reasons.Any(r => r.StartsWith("loudest moment", StringComparison.Ordinal)));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, "highlights.json")));
        var clips = json.RootElement.GetProperty("clips");
        Assert.Equal(3, clips.GetArrayLength());
        Assert.Equal(1, clips[0].GetProperty("rank").GetInt32());
        Assert.True(clips[0].GetProperty("reasons").GetArrayLength() > 0);
        Assert.Equal("fast", json.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Exact_mode_clips_last_their_range_to_the_frame_and_the_reel_joins_them()
    {
        using var dir = new TempDir();
        var result = await Job.RunAsync(new HighlightsRequest(AnalysisMedia.Webinar, dir.File("hl")) { Count = 2, Min = MediaTime.FromSeconds(5), Max = MediaTime.FromSeconds(8), Mode = ClipMode.Exact, Reel = true });
        Assert.Equal(ClipMode.Exact, result.Mode);
        foreach (var c in result.Clips)
        {
            var info = await Engine.Context.Prober.ProbeAsync(Path.Combine(result.OutputDirectory, c.File), measureFrames: true);
            var frames = info.Video!.FrameCount!.Value;
            Assert.InRange(frames, (c.EndMs - c.StartMs) / 40 - 1, (c.EndMs - c.StartMs) / 40 + 1);
        }
        var reel = await Engine.Context.Prober.ProbeAsync(Path.Combine(result.OutputDirectory, result.Reel!), measureFrames: false);
        var expected = result.Clips.Sum(c => c.EndMs - c.StartMs) - 500 * (result.Clips.Count - 1);
        Assert.InRange(reel.DurationMs!.Value, expected - 200, expected + 200);
    }

    [Fact]
    public async Task A_ten_second_clip_gives_one_highlight_and_says_why()
    {
        using var dir = new TempDir();
        var result = await Job.RunAsync(new HighlightsRequest(Engine.Numbered250, dir.File("hl")) { Count = 5 });
        var clip = Assert.Single(result.Clips);
        Assert.Contains(result.Notes, n => n.Contains("room for 1 clip", StringComparison.Ordinal));
        Assert.InRange(clip.EndMs - clip.StartMs, 9900, 10100);
        Assert.True(File.Exists(Path.Combine(result.OutputDirectory, clip.File)));
    }

    [Fact]
    public async Task A_video_shorter_than_the_shortest_clip_is_refused_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var outDir = dir.File("hl");
        var e = await Assert.ThrowsAsync<JobInputException>(() => Job.RunAsync(new HighlightsRequest(Engine.Numbered250, outDir) { Min = MediaTime.FromSeconds(20), Max = MediaTime.FromSeconds(30) }));
        Assert.Equal((JobErrorCodes.OutOfRange, HighlightsRequest.MinField), (e.Code, e.Error.Field));
        Assert.Contains("longer than 'numbered250", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}

public class FastHighlightBoundaryTests
{
    private static readonly HighlightsJob Job = new(Engine.Context);

    [Fact]
    public async Task After_a_keyframe_analysis_clip_ends_at_shot_changes_are_on_the_exact_frame()
    {
        using var dir = new TempDir();
        var result = await Job.RunAsync(new HighlightsRequest(AnalysisMedia.LongGop, dir.File("hl")) { Count = 2, Min = MediaTime.FromSeconds(5), Max = MediaTime.FromSeconds(12), Analysis = AnalysisMode.Fast, Mode = ClipMode.Exact, UseCache = false });

        Assert.Equal(AnalysisMode.Fast, result.Analysis);
        Assert.Contains(result.Notes, n => n.Contains("exact frame", StringComparison.Ordinal));
        var cutMs = AnalysisMedia.LongGopCuts.Select(c => c * 40L).ToList();
        var atChanges = 0;
        foreach (var c in result.Clips)
        {
            if (c.Reasons.Contains("starts at a shot change")) { Assert.Contains(c.StartMs, cutMs); atChanges++; }
            if (c.Reasons.Contains("ends at a shot change")) { Assert.Contains(c.EndMs, cutMs); atChanges++; }
        }
        Assert.True(atChanges >= 2, $"expected clip ends at shot changes: {string.Join("; ", result.Clips.Select(c => $"{c.StartMs}-{c.EndMs} {string.Join(", ", c.Reasons)}"))}");
        // Without the refinement the changes sit on the keyframes at 10, 20, 30 and 40 s.
        Assert.DoesNotContain(result.Clips, c => c.StartMs % 10_000 == 0 && c.StartMs > 0);
    }
}
