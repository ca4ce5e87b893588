using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Chunks;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render.Chunks;

/// <summary>Where a draft is cut into render chunks: never inside a transition, at the draft's own boundaries when it can.</summary>
[Trait("Tier", "Fast")]
public class RenderChunkPlannerTests
{
    /// <summary>The slideshow of `cutroom create`: five 6.8 s photos crossfading over 0.8 s at 6, 12, 18, 24 s, a 4 s title, 30 s at 30 fps.</summary>
    private static readonly string Slideshow = """
        {"v":1,"w":1920,"h":1080,"fps":30,"t":[
          {"id":"v","tt":0,"sg":[
            {"id":"p0","src":"a.jpg","st":0,"d":6000,"m":{"kind":"image"}},
            {"id":"p1","src":"a.jpg","st":6000,"d":6000,"m":{"kind":"image","tr":{"type":"fade","d":800}}},
            {"id":"p2","src":"a.jpg","st":12000,"d":6000,"m":{"kind":"image","tr":{"type":"fade","d":800}}},
            {"id":"p3","src":"a.jpg","st":18000,"d":6000,"m":{"kind":"image","tr":{"type":"fade","d":800}}},
            {"id":"p4","src":"a.jpg","st":24000,"d":6000,"m":{"kind":"image","tr":{"type":"fade","d":800}}}]},
          {"id":"t","tt":7,"sg":[{"id":"title","st":0,"d":4000,"m":{"text":"Summer"}}]}]}
        """;

    [Fact]
    public void The_chunks_cover_the_timeline_in_order_and_no_cut_falls_inside_a_transition()
    {
        var draft = Parse(Slideshow);
        var clock = new TimelineClock(30);
        var chunks = RenderChunkPlanner.Plan(draft, clock, 900);
        Assert.True(chunks.Count >= 5, $"{chunks.Count} chunks");
        Assert.Equal(0, chunks[0].First);
        Assert.Equal(900, chunks[^1].End);
        for (var i = 1; i < chunks.Count; i++) Assert.Equal(chunks[i - 1].End, chunks[i].First);
        var transitions = new[] { 180, 360, 540, 720 }.Select(s => (Start: (long)s, End: s + 24L));
        foreach (var c in chunks.Skip(1))
            Assert.DoesNotContain(transitions, t => t.Start < c.First && c.First < t.End);
        Assert.All(chunks, c => Assert.InRange(c.Count, 60, 240));
    }

    [Fact]
    public void The_title_ends_a_chunk_so_that_an_edit_of_the_title_touches_one_chunk()
    {
        var chunks = RenderChunkPlanner.Plan(Parse(Slideshow), new TimelineClock(30), 900);
        Assert.Equal(new FrameWindow(0, 120), chunks[0]);
    }

    [Fact]
    public void Cuts_prefer_the_drafts_own_boundaries()
    {
        var chunks = RenderChunkPlanner.Plan(Parse(Slideshow), new TimelineClock(30), 900);
        long[] boundaries = [120, 180, 204, 360, 384, 540, 564, 720, 744];
        Assert.All(chunks.Skip(1), c => Assert.Contains(c.First, boundaries));
    }

    [Fact]
    public void A_timeline_shorter_than_two_minimum_chunks_is_one_chunk()
    {
        var chunks = RenderChunkPlanner.Plan(Parse(Slideshow), new TimelineClock(30), 100);
        Assert.Equal([new FrameWindow(0, 100)], chunks);
    }

    [Fact]
    public void A_transition_longer_than_the_longest_chunk_stays_whole()
    {
        var draft = Parse("""
            {"v":1,"w":320,"h":240,"fps":10,"t":[{"id":"v","tt":0,"sg":[
              {"id":"a","src":"a.jpg","st":0,"d":20000,"m":{"kind":"image"}},
              {"id":"b","src":"a.jpg","st":20000,"d":20000,"m":{"kind":"image","tr":{"type":"fade","d":15000}}}]}]}
            """);
        var chunks = RenderChunkPlanner.Plan(draft, new TimelineClock(10), 400, new RenderChunkOptions { TargetSeconds = 2, MinSeconds = 1, MaxSeconds = 3 });
        Assert.DoesNotContain(chunks.Skip(1), c => c.First > 200 && c.First < 350);
        Assert.Equal(400, chunks[^1].End);
    }
}
