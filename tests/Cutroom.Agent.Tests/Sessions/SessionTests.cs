using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Engine.Common;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Tests.Sessions;

public sealed class SessionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ToolContext Context(IAgentSession s, string language = "en") => new(s, EngineContext.CreateDefault(), language, new AgentOptions());

    private static ToolCall Call(string name, string args = "{}") => new(name, JsonNode.Parse(args)!.AsObject());

    [Fact]
    public async Task Edits_make_revisions_that_undo_and_redo_step_through()
    {
        var session = new FolderSession(_dir.Path);
        var runner = new ToolRunner(ToolRegistry.Default);
        var ctx = Context(session);
        var added = await runner.RunAsync(Call("add_text", """{"text":"Sale","duration_ms":2000,"color":"red"}"""), ctx);
        Assert.True(added.Succeeded, added.Text);
        Assert.True(added.DraftChanged);
        Assert.Equal(1, session.Version);
        var text = Assert.Single(session.Draft.AllSegments()).Segment;
        Assert.Equal("#FF0000", text.Meta.Color);

        await runner.RunAsync(Call("edit_text", $$"""{"segment":"{{text.Id}}","text":"Big sale"}"""), ctx);
        Assert.Equal("Big sale", session.Draft.AllSegments().Single().Segment.Meta.Text);

        var undo = await runner.RunAsync(Call("undo"), ctx);
        Assert.True(undo.Succeeded);
        Assert.Equal("Sale", session.Draft.AllSegments().Single().Segment.Meta.Text);
        await runner.RunAsync(Call("undo"), ctx);
        Assert.Empty(session.Draft.Tracks);
        var nothing = await runner.RunAsync(Call("undo"), ctx);
        Assert.False(nothing.Succeeded);
        Assert.Equal("There is nothing to undo.", nothing.Text);

        await runner.RunAsync(Call("redo"), ctx);
        await runner.RunAsync(Call("redo"), ctx);
        Assert.Equal("Big sale", session.Draft.AllSegments().Single().Segment.Meta.Text);
        Assert.Equal(6, session.Version);
    }

    [Fact]
    public async Task A_new_edit_after_an_undo_drops_the_undone_revision()
    {
        var session = new FolderSession(_dir.Path);
        var runner = new ToolRunner(ToolRegistry.Default);
        var ctx = Context(session);
        await runner.RunAsync(Call("add_text", """{"text":"one"}"""), ctx);
        await runner.RunAsync(Call("undo"), ctx);
        await runner.RunAsync(Call("add_text", """{"text":"two"}"""), ctx);
        Assert.False(session.CanRedo);
        Assert.False((await runner.RunAsync(Call("redo"), ctx)).Succeeded);
        Assert.Equal("two", session.Draft.AllSegments().Single().Segment.Meta.Text);
    }

    [Fact]
    public async Task A_failed_edit_changes_nothing_and_says_why_in_the_users_language()
    {
        var session = new FolderSession(_dir.Path);
        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(Call("remove_segment", """{"segment":"seg_9"}"""), Context(session, "zh"));
        Assert.False(outcome.Succeeded);
        Assert.Equal("时间线上没有片段“seg_9”。", outcome.Text);
        Assert.Equal(0, session.Version);
    }

    [Fact]
    public async Task A_job_without_enough_credits_does_not_run()
    {
        var session = new FolderSession(_dir.Path, new MemoryCreditAccount(0));
        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(Call("thumbnail", """{"media":"med_1"}"""), Context(session));
        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Not enough credits", outcome.Text, StringComparison.Ordinal);
        Assert.Empty(session.Generated);
    }

    [Fact]
    public async Task A_failed_job_returns_its_frozen_credits()
    {
        var session = new FolderSession(_dir.Path, new MemoryCreditAccount(5));
        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(Call("thumbnail", """{"media":"med_404"}"""), Context(session));
        Assert.False(outcome.Succeeded);
        Assert.Contains("med_404", outcome.Text, StringComparison.Ordinal);
        Assert.Equal(new CreditBalance(5, 0), await session.Credits.BalanceAsync());
    }

    [Fact]
    public void The_upload_rule_places_photos_as_stills_and_audio_as_music_on_a_portrait_canvas()
    {
        var snapshot = SessionSnapshot.Build([
            new SessionMedia("med_1", MediaKind.Image, "a.jpg") { Width = 1080, Height = 1350 },
            new SessionMedia("med_2", MediaKind.Video, "b.mp4") { DurationMs = 5000, Width = 1920, Height = 1080 },
            new SessionMedia("med_3", MediaKind.Audio, "song.mp3") { DurationMs = 60000 },
        ]);
        var d = snapshot.Draft;
        Assert.Equal((1080, 1920), (d.Width, d.Height));
        Assert.Equal(["med_1", "med_2"], d.Tracks[0].Segments.Select(s => s.Src));
        Assert.Equal([0L, 3000L], d.Tracks[0].Segments.Select(s => s.StartMs));
        Assert.Equal("music", d.Tracks[1].Meta.Role);
        Assert.Equal(8000, d.Tracks[1].Segments[0].DurationMs);
    }

    [Fact]
    public void A_state_document_is_read_from_the_contracts_envelope()
    {
        var json = """
        {"code":0,"message":"ok","data":{"session_id":"s","version":3,"state":{
          "draft":{"v":1,"w":1920,"h":1080,"fps":30,"d":3000,"t":[{"id":"trk_1","tt":0,"sg":[{"id":"seg_1","src":"med_a","st":0,"d":3000,"m":{"kind":"image"}}]}]},
          "video_infos":[{"media_id":"med_a","name":"beach.jpg","kind":"image","width":4000,"height":3000}],
          "generated_media":[{"id":"gen_1","kind":"image","op":"extract_frames","name":"frame_1.jpg","group":"op_1","time_ms":40}]}}}
        """;
        var s = SessionSnapshot.Parse(json);
        Assert.Equal("beach.jpg", Assert.Single(s.Media).Name);
        Assert.Equal(MediaKind.Image, s.Media[0].Kind);
        Assert.Equal(40, Assert.Single(s.Generated).TimeMs);
        Assert.Equal("seg_1", s.Draft.Tracks[0].Segments[0].Id);
    }
}
