using System.Text.Json;
using Cutroom.Engine.Summary;

namespace Cutroom.Engine.Tests.Summary;

public class SummaryJobTests
{
    private static readonly SummaryJob Job = new(Engine.Context);

    [Fact]
    public async Task After_a_keyframe_analysis_the_chapter_boundaries_are_on_the_exact_frames()
    {
        using var dir = new TempDir();
        var doc = await Job.RunAsync(new SummaryRequest(Analysis.AnalysisMedia.LongGop, dir.File("summary")) { Analysis = Cutroom.Engine.Analysis.AnalysisMode.Fast, UseCache = false });
        var cutMs = Analysis.AnalysisMedia.LongGopCuts.Select(c => c * 40L).ToList();   // 7.4, 16.8, 24.4 and 35.2 s
        Assert.Equal(Cutroom.Engine.Analysis.AnalysisMode.Fast, doc.AnalysisMode);
        Assert.True(doc.Chapters.Count >= 3, $"{doc.Chapters.Count} chapters");
        Assert.All(doc.Chapters.Skip(1), c => Assert.Contains(c.StartMs, cutMs));   // not the keyframes at 10, 20, 30, 40 s
        Assert.Contains(doc.Warnings, w => w.Contains("exact frame", StringComparison.Ordinal));
        for (var i = 1; i < doc.Chapters.Count; i++) Assert.Equal(doc.Chapters[i - 1].EndMs, doc.Chapters[i].StartMs);
    }

    [Theory]
    [InlineData("video/cockatoo.mp4")]
    [InlineData("video/blupi-history2.mkv")]
    [InlineData("video/blupi-play101.mkv")]
    [InlineData("video/blupi-play110.mkv")]
    public async Task The_summary_of_real_video_has_sane_numbers(string name)
    {
        var media = TestMedia.Real(name);
        using var dir = new TempDir();
        var doc = await Job.RunAsync(new SummaryRequest(media, dir.File("summary")) { UseCache = false });
        var probe = await Engine.Context.Prober.ProbeAsync(media, measureFrames: false);

        Assert.Equal(probe.DurationMs, doc.Metadata.DurationMs);
        Assert.NotEmpty(doc.Shots);
        Assert.Equal(0, doc.Shots[0].StartMs);
        Assert.Equal(probe.DurationMs, doc.Shots[^1].EndMs);
        foreach (var s in doc.Shots)
        {
            Assert.InRange(s.StartMs, 0, probe.DurationMs!.Value);
            Assert.True(s.EndMs > s.StartMs, $"shot {s.Index} is empty");
            Assert.True(s.EndFrame > s.StartFrame);
        }
        Assert.InRange(doc.Chapters.Count, 1, ChapterBuilder.MaxChapters);
        Assert.Equal(0, doc.Chapters[0].StartMs);
        Assert.Equal(probe.DurationMs, doc.Chapters[^1].EndMs);
        for (var i = 1; i < doc.Chapters.Count; i++) Assert.Equal(doc.Chapters[i - 1].EndMs, doc.Chapters[i].StartMs);

        var folder = dir.File("summary");
        var board = await Engine.Context.Prober.ProbeAsync(Path.Combine(folder, "storyboard.jpg"), measureFrames: false);
        Assert.True(board.Video!.Width >= 320);
        foreach (var c in doc.Chapters) Assert.True(File.Exists(Path.Combine(folder, c.Thumbnail!)));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "summary.json")));
        Assert.Equal(doc.Shots.Count, json.RootElement.GetProperty("shots").GetArrayLength());
        Assert.Contains(doc.Description, await File.ReadAllTextAsync(Path.Combine(folder, "summary.md")));
        var csv = await File.ReadAllLinesAsync(Path.Combine(folder, "shots.csv"));
        Assert.Equal(doc.Shots.Count + 1, csv.Length);
        Assert.StartsWith("TITLE:", await File.ReadAllTextAsync(Path.Combine(folder, "shots.edl")));
    }

    [Fact]
    public async Task A_generated_clip_has_three_chapters_and_its_loudness_and_speech_are_described()
    {
        using var dir = new TempDir();
        var doc = await Job.RunAsync(new SummaryRequest(Analysis.AnalysisMedia.Webinar, dir.File("summary")));
        Assert.InRange(doc.Chapters.Count, 3, 12);
        Assert.NotNull(doc.Loudness?.IntegratedLufs);
        Assert.InRange(doc.Loudness!.LoudestMs, 20_000, 65_000);
        Assert.True(doc.SpeechShare > 0.5, $"speech share {doc.SpeechShare}");
        Assert.Contains("speech", doc.Description);
        Assert.Contains("6 shots", doc.Description);   // a slide every 15 s
    }

    [Fact]
    public async Task Audio_only_input_is_summarised_without_shots_or_pictures()
    {
        using var dir = new TempDir();
        var doc = await Job.RunAsync(new SummaryRequest(Analysis.AnalysisMedia.SpeechThenChord, dir.File("summary")) { UseCache = false });
        Assert.Empty(doc.Shots);
        Assert.Null(doc.Storyboard);
        Assert.Null(doc.Metadata.VideoCodec);
        Assert.NotNull(doc.Loudness);
        Assert.Equal(10_000, doc.Chapters[^1].EndMs);
        Assert.StartsWith("A 10-second audio recording", doc.Description);
        Assert.False(File.Exists(Path.Combine(dir.File("summary"), "storyboard.jpg")));
        Assert.True(File.Exists(Path.Combine(dir.File("summary"), "summary.md")));
    }
}
