using System.Text.Json;
using Cutroom.Engine.Frames;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Frames;

public class FrameExtractorTests
{
    private static FrameExtractor Extractor => new(Engine.Context);

    private static FramesRequest Request(string input, string output, FrameSelector selector) =>
        new() { InputPath = input, OutputDirectory = output, Selector = selector };

    private static FramesRequest Png(string input, string output, FrameSelector selector) =>
        Request(input, output, selector) with { Format = ImageFormat.Png };

    private static MediaTime[] Seconds(params double[] seconds) => [.. seconds.Select(MediaTime.FromSeconds)];

    [Fact]
    public async Task Every_10th_frame_of_250_frames_writes_25_files_starting_at_frame_0()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Png(Engine.Numbered250, dir.File("out"), new FrameSelector.Every(10)));

        Assert.Equal(Enumerable.Range(0, 25).Select(i => i * 10), result.Frames.Select(f => f.Index));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i * 400L), result.Frames.Select(f => f.PtsMs));
        Assert.Equal(26, Directory.GetFiles(dir.File("out")).Length); // 25 images + frames.json
        // The pixels are those of the same frames decoded independently, and not of their neighbours.
        foreach (var f in new[] { result.Frames[0], result.Frames[7], result.Frames[24] })
        {
            var image = TestMedia.DecodeRgb(Path.Combine(dir.File("out"), f.File));
            Assert.True(TestMedia.MeanAbsDiff(image, TestMedia.DecodeRgb(Engine.Numbered250, f.Index)) < 1.0, $"frame {f.Index} differs from the source");
            Assert.True(TestMedia.MeanAbsDiff(image, TestMedia.DecodeRgb(Engine.Numbered250, f.Index + 1)) > 1.0, $"frame {f.Index} equals its neighbour");
        }
    }

    [Fact]
    public async Task The_manifest_lists_index_pts_and_file_of_every_image()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(TestMedia.Real("video/cockatoo.mp4"), dir.File("frames"), new FrameSelector.Every(10)));

        Assert.Equal(28, result.Frames.Count);
        var manifest = JsonSerializer.Deserialize(File.ReadAllText(dir.File("frames/frames.json")), FrameManifestJson.Default.FrameManifest)!;
        Assert.Equal(28, manifest.Frames.Count);
        Assert.Equal(270, manifest.Frames[^1].Index);
        Assert.Equal(13_500, manifest.Frames[^1].PtsMs);
        Assert.Equal("frame_000270_00-00-13.500.jpg", manifest.Frames[^1].File);
        Assert.All(manifest.Frames, f => Assert.True(File.Exists(Path.Combine(dir.File("frames"), f.File))));
    }

    [Fact]
    public async Task Frames_taken_at_times_after_a_broken_keyframe_equal_the_frames_decoded_from_the_start()
    {
        // cockatoo.mp4's keyframes at 3.8 s and 7.25 s do not decode cleanly after a seek (green garbage).
        using var dir = new TempDir();
        var cockatoo = TestMedia.Real("video/cockatoo.mp4");
        var forcedSeeks = new FrameExtractor(Engine.Context, seekGapFrames: 0);
        var result = await forcedSeeks.RunAsync(Png(cockatoo, dir.File("at"), new FrameSelector.At(Seconds(1.5, 8, 12.3))));

        Assert.Equal([30, 160, 246], result.Frames.Select(f => f.Index));
        foreach (var f in result.Frames)
            Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(Path.Combine(dir.File("at"), f.File)), TestMedia.DecodeRgb(cockatoo, f.Index)) < 1.0,
                $"frame {f.Index} taken at a time differs from the same frame decoded from the start");
        Assert.Contains(result.Warnings, w => w.Contains("decoded from the start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_picks_the_frame_shown_at_each_time()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Png(Engine.Numbered250, dir.File("o"), new FrameSelector.At(Seconds(0, 1, 1.039, 9.999))));
        Assert.Equal([0, 25, 249], result.Frames.Select(f => f.Index)); // 1.000 s and 1.039 s both show frame 25 (frames last 40 ms)
    }

    [Fact]
    public async Task Count_spreads_frames_over_the_video_evenly()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Png(Engine.Numbered250, dir.File("o"), new FrameSelector.Count(5)));
        Assert.Equal([25, 75, 125, 175, 225], result.Frames.Select(f => f.Index));
        Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(Path.Combine(dir.File("o"), result.Frames[2].File)), TestMedia.DecodeRgb(Engine.Numbered250, 125)) < 1.0);
    }

    [Fact]
    public async Task A_count_of_more_than_a_hundred_frames_in_one_decode_window_is_extracted()
    {
        // ffmpeg parses at most 100 terms in one flat sum; 150 frames of cockatoo.mp4 fall in one window.
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(TestMedia.Real("video/cockatoo.mp4"), dir.File("c"), new FrameSelector.Count(150)));
        Assert.Equal(150, result.Frames.Count);
        Assert.Equal(151, Directory.GetFiles(dir.File("c")).Length);
    }

    [Fact]
    public void Decode_windows_hold_at_most_the_window_limit()
    {
        var index = new Cutroom.FFmpeg.Probe.PacketIndex(new Rational(1, 25),
            [.. Enumerable.Range(0, 10).Select(i => new Cutroom.FFmpeg.Probe.PacketInfo(i, 1, i == 0))], true);
        var windows = FrameExtractor.PlanWindows(index, [.. Enumerable.Range(0, 10)], seekGapFrames: 600, maxFrames: 4);
        Assert.Equal([4, 4, 2], windows.Select(w => w.Frames.Count));
        Assert.All(windows, w => Assert.Equal(0, w.Start));
    }

    [Fact]
    public async Task Keyframes_are_the_frames_the_encoder_made_keyframes()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(Engine.Numbered250, dir.File("k"), new FrameSelector.Keyframes()));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 25), result.Frames.Select(f => f.Index));
    }

    [Fact]
    public async Task Fps_and_a_range_take_one_frame_per_second_from_the_start_of_the_range()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(Engine.Numbered250, dir.File("r"), new FrameSelector.Rate(new Rational(1, 1)))
            with { Start = MediaTime.FromSeconds(2), End = MediaTime.FromSeconds(6) });
        Assert.Equal([50, 75, 100, 125], result.Frames.Select(f => f.Index));
    }

    [Fact]
    public async Task Interval_on_a_real_matroska_video_takes_a_frame_every_two_seconds_until_its_video_ends()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(TestMedia.Real("video/blupi-play110.mkv"), dir.File("i"), new FrameSelector.Interval(MediaTime.FromSeconds(2)))
            with { Format = ImageFormat.Webp, Width = 160 });
        // The container lasts 8.52 s (audio), but its last video frame is at 7.93 s: no frame is shown at 8 s.
        Assert.Equal([0L, 2000, 4000, 6000], result.Frames.Select(f => f.PtsMs / 1000 * 1000));
        var probe = await Engine.Context.Prober.ProbeAsync(Path.Combine(dir.File("i"), result.Frames[1].File));
        Assert.Equal(160, probe.Video!.Width);
        Assert.Equal(120, probe.Video.Height);
    }

    [Fact]
    public async Task Every_frame_of_a_real_avi_is_extracted()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(TestMedia.Real("video/kphotoalbum-movie.avi"), dir.File("a"), new FrameSelector.Every(1)));
        Assert.Equal(68, result.Frames.Count);
        Assert.Equal(Enumerable.Range(0, 68), result.Frames.Select(f => f.Index));
    }

    [Fact]
    public async Task Frames_of_a_rotated_video_come_out_upright()
    {
        var rotated = TestMedia.Generate("rotated90.mp4", "-i", Engine.Numbered250, "-c", "copy", "-metadata:s:v:0", "rotate=90");
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Png(rotated, dir.File("o"), new FrameSelector.At([MediaTime.Zero])));
        var probe = await Engine.Context.Prober.ProbeAsync(Path.Combine(dir.File("o"), result.Frames[0].File));
        Assert.Equal(240, probe.Video!.Width);
        Assert.Equal(320, probe.Video.Height);
        // The picture is the source turned a quarter: the source's top-left corner is at the output's top-right (clockwise) or bottom-left.
        var upright = TestMedia.DecodeRgb(Engine.Numbered250);
        var turned = TestMedia.DecodeRgb(Path.Combine(dir.File("o"), result.Frames[0].File));
        Assert.True(TestMedia.MeanAbsDiff(Rotate(upright, 320, 240, clockwise: true), turned) < 2.0
                 || TestMedia.MeanAbsDiff(Rotate(upright, 320, 240, clockwise: false), turned) < 2.0);
    }

    [Fact]
    public async Task A_damaged_stream_that_still_decodes_is_processed_with_a_warning()
    {
        using var dir = new TempDir();
        var result = await Extractor.RunAsync(Request(TestMedia.Real("video/tour-screencast.mp4"), dir.File("d"), new FrameSelector.Count(4)));
        Assert.Equal(4, result.Frames.Count);
        Assert.Contains(result.Warnings, w => w.Contains("damaged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_time_beyond_the_end_is_refused_and_nothing_is_left_behind()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<JobInputException>(() =>
            Extractor.RunAsync(Png(TestMedia.Real("video/cockatoo.mp4"), dir.File("x"), new FrameSelector.At(Seconds(20)))));
        Assert.Equal(new JobError(JobErrorCodes.OutOfRange, "at", "0:20.000 is beyond the end of the video (0:14.000)"), ex.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_range_without_frames_matches_nothing_and_says_so()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<JobInputException>(() =>
            Extractor.RunAsync(Request(Engine.Numbered250, dir.File("x"), new FrameSelector.Every(1)) with { Start = MediaTime.FromSeconds(1.01), End = MediaTime.FromSeconds(1.02) }));
        Assert.Equal(JobErrorCodes.NothingSelected, ex.Code);
        Assert.StartsWith("no frame lies between 0:01.010 and 0:01.020", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_refused_and_nothing_is_left_behind()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("notes.mp4"), "these are not frames");
        var ex = await Assert.ThrowsAsync<MediaProbeException>(() =>
            Extractor.RunAsync(Png(dir.File("notes.mp4"), dir.File("x"), new FrameSelector.Every(1))));
        Assert.Contains("not a supported media file", ex.Message);
        Assert.Equal([dir.File("notes.mp4")], Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_missing_file_is_named_in_the_error()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<MediaProbeException>(() =>
            Extractor.RunAsync(Png(dir.File("nope.mp4"), dir.File("x"), new FrameSelector.Every(1))));
        Assert.Equal("'nope.mp4' was not found (no such file)", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_cancelled_extraction_leaves_nothing_behind()
    {
        using var dir = new TempDir();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Extractor.RunAsync(Png(TestMedia.Real("video/cockatoo.mp4"), dir.File("c"), new FrameSelector.Every(1)), cancellationToken: cts.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task An_output_folder_that_is_not_empty_is_refused()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("busy"));
        File.WriteAllText(dir.File("busy/keep.txt"), "mine");
        var ex = await Assert.ThrowsAsync<JobInputException>(() =>
            Extractor.RunAsync(Png(Engine.Numbered250, dir.File("busy"), new FrameSelector.Every(10))));
        Assert.Equal((JobErrorCodes.OutputExists, JobFields.Output), (ex.Code, ex.Error.Field));
        Assert.Contains("is not empty", ex.Message);
        Assert.Equal("mine", File.ReadAllText(dir.File("busy/keep.txt")));
    }

    private static byte[] Rotate(byte[] rgb, int w, int h, bool clockwise)
    {
        var o = new byte[rgb.Length];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var (nx, ny) = clockwise ? (h - 1 - y, x) : (y, w - 1 - x);
                Array.Copy(rgb, (y * w + x) * 3, o, (ny * h + nx) * 3, 3);
            }
        return o;
    }
}
