using Cutroom.Engine.Analysis;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Tests.Analysis;

public class MediaAnalyzerTests
{
    private static readonly MediaAnalyzer Analyzer = new(Engine.Context);

    [Fact]
    public async Task Black_silence_loudness_and_motion_are_where_they_were_put()
    {
        var record = await Analyzer.AnalyzeAsync(AnalysisMedia.ToneSilenceBlack, new AnalysisOptions { UseCache = false });
        Assert.Equal(AnalysisMode.Exact, record.Mode);
        Assert.InRange(record.DurationMs, 5900, 6100);
        Assert.Equal(150, record.FramesAnalysed);

        var black = Assert.Single(record.Black);
        Assert.InRange(black.StartMs, 0, 50);
        Assert.InRange(black.EndMs, 1950, 2050);

        var silence = Assert.Single(record.Silences, s => s.EndMs < 5000);
        Assert.InRange(silence.StartMs, 1950, 2150);
        Assert.InRange(silence.EndMs, 3900, 4100);

        Assert.Equal(6, record.LoudnessLufs.Count);
        Assert.InRange(record.LoudnessLufs[0], -20, -5);      // a 0.3 sine is about -13 LUFS
        Assert.Equal(-70, record.LoudnessLufs[3]);
        Assert.InRange(record.LoudnessLufs[5], -20, -5);
        Assert.NotNull(record.Loudness?.IntegratedLufs);
        Assert.InRange(record.Loudness!.TruePeakDbfs!.Value, -12, -9);   // 20*log10(0.3) = -10.5

        Assert.Equal(6, record.Motion.Count);
        Assert.True(record.Motion[0] < 0.5, $"black should not move: {record.Motion[0]}");
        Assert.True(record.Motion[4] > 1, $"testsrc2 moves: {record.Motion[4]}");
        Assert.Equal(2, record.Shots.Count);   // black -> testsrc2 is a cut
        Assert.InRange(record.Shots[1].StartFrame, 49, 51);
        Assert.True(record.Shots[0].Brightness < 5 && record.Shots[1].Brightness > 40);
        Assert.InRange(record.LevelDb20Ms.Count, 299, 302);   // AAC pads the end by up to a frame
    }

    [Fact]
    public async Task A_held_frame_is_a_frozen_range_from_the_frame_that_first_shows_it()
    {
        // testsrc2 with frames 25-99 replaced by frame 24: the picture of 0.96 s stays until 4.00 s.
        var video = TestMedia.Generate("held-frame.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6",
            "-filter_complex", "split[a][b];[a][b]freezeframes=first=25:last=99:replace=24", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var record = await Analyzer.AnalyzeAsync(video, new AnalysisOptions { UseCache = false });
        var frozen = Assert.Single(record.Frozen);
        Assert.Equal(960, frozen.StartMs);
        Assert.Equal(4000, frozen.EndMs);
        Assert.Empty(record.Black);
        Assert.True(record.Motion[2] < 0.1 && record.Motion[5] > 1, $"motion {string.Join(' ', record.Motion)}");
    }

    [Fact]
    public async Task Speech_like_syllables_score_high_and_a_steady_chord_low()
    {
        var record = await Analyzer.AnalyzeAsync(AnalysisMedia.SpeechThenChord, new AnalysisOptions { UseCache = false });
        Assert.False(record.HasVideo);
        Assert.Empty(record.Shots);
        Assert.Equal(10, record.Speech.Count);
        var speech = record.Speech.Take(5).Average();
        var chord = record.Speech.Skip(5).Average();
        Assert.True(speech > 0.4, $"speech part scored {speech:0.00}: {string.Join(' ', record.Speech)}");
        Assert.True(chord < 0.1, $"chord part scored {chord:0.00}: {string.Join(' ', record.Speech)}");
    }

    [Fact]
    public async Task The_record_is_cached_beside_the_media_and_reused()
    {
        using var dir = new TempDir();
        var copy = dir.File("clip.mp4");
        File.Copy(AnalysisMedia.ToneSilenceBlack, copy);
        var first = await Analyzer.AnalyzeAsync(copy);
        Assert.True(File.Exists(AnalysisCache.BesidePath(copy)));
        var second = await Analyzer.AnalyzeAsync(copy);
        Assert.Equal(first.ElapsedMs, second.ElapsedMs);          // the stored record, not a new run
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(MediaAnalyzer.Version, second.Version);
        Assert.Equal(first.Shots.Count, second.Shots.Count);
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_a_clear_message()
    {
        using var dir = new TempDir();
        var empty = dir.File("empty.mp4");
        await File.WriteAllBytesAsync(empty, []);
        var e = await Assert.ThrowsAnyAsync<CutroomException>(() => Analyzer.AnalyzeAsync(empty));
        Assert.Contains("empty.mp4", e.Message);
    }
}
