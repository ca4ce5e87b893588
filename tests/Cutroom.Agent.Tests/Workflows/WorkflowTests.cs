using System.IO.Compression;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Turns;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Tests.Workflows;

/// <summary>The five workflows of workflows.md by chat, through the agent and the real engine (not HTTP), checked on the files they make.</summary>
public sealed class WorkflowTests : IClassFixture<ChatKit>
{
    private readonly ChatKit _kit;

    public WorkflowTests(ChatKit kit) => _kit = kit;

    [Fact]
    public async Task Every_10th_frame_of_the_cockatoo_by_chat_is_28_images_and_a_zip()
    {
        var session = await _kit.SessionAsync("video/cockatoo.mp4");
        var events = new List<AgentEvent>();
        var turn = await _kit.SayAsync(session, "extract every 10th frame from my video as images", events);

        Assert.True(turn.Succeeded, turn.Text);
        var images = session.Generated.Where(g => g.Kind == "image").ToList();
        Assert.Equal(28, images.Count);
        Assert.All(images, g => Assert.True(File.Exists(g.Path), g.Path));
        Assert.Equal([0L, 500L, 1000L], images.Take(3).Select(g => g.TimeMs!.Value));
        using (var zip = ZipFile.OpenRead(session.Generated.Single(g => g.Kind == "archive").Path!))
            Assert.Equal(28, zip.Entries.Count);
        Assert.StartsWith("Extracted 28 frames (every 10th frame) from cockatoo.mp4", turn.Text, StringComparison.Ordinal);
        Assert.Null(turn.TimelineSummary); // frames do not change the draft
        Assert.Equal(new CreditBalance(98, 0), await session.Credits.BalanceAsync()); // 1 + 1 per started minute
        Assert.IsType<CallStarted>(events[0]);
        Assert.Contains(events, e => e is CallFinished { Outcome.Succeeded: true });
        Assert.IsType<TurnText>(events[^1]);
    }

    [Fact]
    public async Task A_cover_image_asked_in_chinese_is_a_720p_frame_and_the_answer_is_chinese()
    {
        var session = await _kit.SessionAsync("video/cockatoo.mp4");
        var turn = await _kit.SayAsync(session, "帮我截一张封面图");
        Assert.True(turn.Succeeded, turn.Text);
        var image = Assert.Single(session.Generated);
        Assert.Equal((1280, 720), (ChatKit.Probe(image.Path!).Width, ChatKit.Probe(image.Path!).Height));
        Assert.StartsWith("已为 cockatoo.mp4 生成封面图", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photos_logo_and_music_become_a_30_second_video_with_text_then_export_renders_it()
    {
        var session = await _kit.SessionAsync("image/photo-skagen.jpg", "image/photo-pool.jpg", "image/photo-sunset.jpg", "image/photo-snow.jpg",
            "image/photo-donna.jpg", "image/logo-qt.jpg", "audio/music-its-a-game.mkv");
        var turn = await _kit.SayAsync(session, "combine these images into a 30-second video with background music and text overlays");

        Assert.True(turn.Succeeded, turn.Text);
        var draft = session.Draft;
        Assert.Equal(30_000, draft.DurationMs);
        Assert.True(draft.Tracks.Length >= 3, turn.Text);
        Assert.Equal(["med_1", "med_2", "med_3", "med_4", "med_5"], draft.Tracks[0].Segments.Select(s => s.Src));
        Assert.Contains(draft.Tracks, t => t.Meta.Name == "Logo" && t.Segments.Single().Src == "med_6");
        Assert.Contains(draft.Tracks, t => t.Meta.Role == "music" && t.Segments.Single().Src == "med_7");
        Assert.Equal(["Photo skagen", "Photo pool", "Photo sunset", "Photo snow", "Photo donna"],
            draft.Tracks.Where(t => t.Type == TrackType.Text).SelectMany(t => t.Segments).OrderBy(s => s.StartMs).Select(s => s.Meta.Text));
        Assert.NotNull(turn.TimelineSummary);
        Assert.EndsWith(turn.TimelineSummary!, turn.Text, StringComparison.Ordinal);

        var export = await _kit.SayAsync(session, "export");
        Assert.True(export.Succeeded, export.Text);
        var video = session.Generated.Single(g => g.Op == "export");
        var (seconds, _, height, audio) = ChatKit.Probe(video.Path!);
        Assert.InRange(seconds, 29.9, 30.1);
        Assert.Equal(240, height);
        Assert.True(audio);
    }

    [Fact]
    public async Task A_photo_asked_in_chinese_becomes_a_moving_6_second_clip()
    {
        var session = await _kit.SessionAsync("image/photo-grand-canyon-1.jpg");
        var turn = await _kit.SayAsync(session, "把这张图片变成一个视频");
        Assert.True(turn.Succeeded, turn.Text);
        var still = session.Draft.Tracks[0].Segments.Single();
        Assert.Equal(("zoom-in", 6000L), (still.Meta.Motion, still.DurationMs));
        Assert.Contains("Timeline (1 track)", turn.Text, StringComparison.Ordinal);

        var export = await _kit.SayAsync(session, "导出");
        Assert.True(export.Succeeded, export.Text);
        var file = session.Generated.Single(g => g.Op == "export").Path!;
        Assert.InRange(ChatKit.Probe(file).Seconds, 5.9, 6.1);
        var first = TestMedia.DecodeRgb(file, 0);
        var last = TestMedia.DecodeRgb(file, 179);
        Assert.True(TestMedia.MeanAbsDiff(first, last) > 3, "the camera does not move");
    }

    [Fact]
    public async Task Highlights_of_a_real_clip_are_separate_clips_within_the_asked_length()
    {
        var session = await _kit.SessionAsync("video/cockatoo.mp4");
        var turn = await _kit.SayAsync(session, "find the 2 best moments, each under 5 seconds");
        Assert.True(turn.Succeeded, turn.Text);
        var clips = session.Generated.Where(g => g.Op == "highlights" && g.Kind == "video").ToList();
        Assert.InRange(clips.Count, 1, 2);
        foreach (var clip in clips) Assert.InRange(ChatKit.Probe(clip.Path!).Seconds, 0.9, 5.1);
        Assert.Single(session.Generated, g => g.Op == "highlights" && g.Kind == "json");
    }

    [Fact]
    public async Task Metadata_summary_and_a_trimmed_clip_asked_in_chinese_are_answered_and_written()
    {
        var session = await _kit.SessionAsync("video/cockatoo.mp4");
        var turn = await _kit.SayAsync(session, "提取视频信息，生成摘要，并导出剪辑后的片段");
        Assert.True(turn.Succeeded, turn.Text);
        Assert.Equal(["probe", "summarize", "trim", "export"], turn.Results.Select(r => r.Call.Name)); // "导出" ends with the export (issue 21)
        Assert.Contains("分辨率 1280x720", turn.Text, StringComparison.Ordinal);
        Assert.Equal(1280, turn.Results[0].Outcome.Data["width"]!.GetValue<int>());
        Assert.Contains(session.Generated, g => g.Op == "summarize" && g.Name == "summary.json" && File.Exists(g.Path));
        // A trimmed clip is made only when there were dead ends to cut (no full copy is charged); the export is the trimmed timeline.
        var clip = session.Generated.SingleOrDefault(g => g.Op == "trim");
        var export = session.Generated.Single(g => g.Op == "export");
        var seconds = ChatKit.Probe(export.Path!).Seconds;
        Assert.InRange(seconds, 1, 14.05);
        if (clip is not null) Assert.InRange(seconds, ChatKit.Probe(clip.Path!).Seconds - 0.1, ChatKit.Probe(clip.Path!).Seconds + 0.1);
        else Assert.Equal(0, turn.Results[2].Outcome.Credits);
    }

    [Fact]
    public async Task A_rough_cut_is_refined_undone_and_exported_in_the_same_session()
    {
        var session = await _kit.SessionAsync("video/blupi-play110.mkv");
        var turn = await _kit.SayAsync(session, "trim the first 3 seconds and add a title 'Sale' in red");
        Assert.True(turn.Succeeded, turn.Text);
        var clip = session.Draft.Tracks[0].Segments.Single();
        Assert.Equal((3000L, 8522L - 3000), (clip.InPointMs, clip.DurationMs));
        var title = session.Draft.Tracks.Single(t => t.Type == TrackType.Text).Segments.Single();
        Assert.Equal(("Sale", "#FF0000"), (title.Meta.Text, title.Meta.Color));

        var bigger = await _kit.SayAsync(session, "make the title bigger");
        var size = session.Draft.Tracks.Single(t => t.Type == TrackType.Text).Segments.Single().Meta.Size;
        Assert.Equal(title.Meta.Size * 1.5, size);
        Assert.Contains("Timeline (2 tracks)", bigger.Text, StringComparison.Ordinal);

        await _kit.SayAsync(session, "undo");
        Assert.Equal(title.Meta.Size, session.Draft.Tracks.Single(t => t.Type == TrackType.Text).Segments.Single().Meta.Size);

        var export = await _kit.SayAsync(session, "send me the video");
        Assert.True(export.Succeeded, export.Text);
        Assert.InRange(ChatKit.Probe(session.Generated.Single(g => g.Op == "export").Path!).Seconds, 5.45, 5.6);
    }

    [Fact]
    public async Task Something_outside_cutroom_gets_the_list_of_what_it_does_and_changes_nothing()
    {
        var session = await _kit.SessionAsync("video/realshort.mp4");
        var before = session.Version;
        var turn = await _kit.SayAsync(session, "what's the weather like today?");
        Assert.Equal(["help"], turn.Results.Select(r => r.Call.Name));
        Assert.Contains("extract frames", turn.Text, StringComparison.Ordinal);
        Assert.Equal(before, session.Version);
        Assert.Null(turn.TimelineSummary);
    }

    [Fact]
    public async Task A_failed_step_stops_the_turn_and_says_so()
    {
        var session = await _kit.SessionAsync("video/realshort.mp4");
        var turn = await _kit.SayAsync(session, "cut off the last 5 seconds and then export");
        Assert.False(turn.Succeeded);
        Assert.Single(turn.Results);
        Assert.Contains("not run", turn.Text, StringComparison.Ordinal);
        Assert.Empty(session.Generated);
    }
}
