using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using static Cutroom.Timeline.Tests.TestDrafts;

namespace Cutroom.Timeline.Tests;

[Trait("Tier", "Fast")]
public class EditTests
{
    private static Draft Ok(EditResult result)
    {
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Empty(TestDrafts.Errors(result.Value));
        return result.Value;
    }

    private static JobError Fails(EditResult result, string code)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Draft);
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }

    [Fact]
    public void Adding_clips_to_an_empty_draft_creates_the_video_track_and_appends_in_order()
    {
        var d = Slideshow();
        Assert.Equal([("seg_1", 0L, 3000L), ("seg_2", 3000L, 3000L), ("seg_3", 6000L, 8000L)], d.Layout(0));
        Assert.Equal(("trk_1", TrackType.Video, "Video"), (d.Tracks[0].Id, d.Tracks[0].Type, d.Tracks[0].Meta.Name));
        Assert.Equal((MediaKinds.Image, "beach.jpg", (long?)null), (d.Seg("seg_1").Meta.Kind, d.Seg("seg_1").Meta.Label, d.Seg("seg_1").SourceInMs));
        Assert.Equal(14000, d.DurationMs);
        Assert.Empty(TestDrafts.Errors(d));
    }

    [Fact]
    public void Inserting_a_clip_at_a_cut_pushes_the_later_clips_right()
    {
        var r = Slideshow().AddClip(Photo1, atMs: 3000, durationMs: 1000);
        var d = Ok(r);
        Assert.Equal([("seg_1", 0L, 3000L), ("seg_4", 3000L, 1000L), ("seg_2", 4000L, 3000L), ("seg_3", 7000L, 8000L)], d.Layout(0));
        Assert.Equal("seg_4", r.SegmentId);
    }

    [Fact]
    public void Inserting_inside_a_clip_is_refused_with_the_nearest_cuts()
    {
        var e = Fails(Slideshow().AddClip(Photo1, atMs: 4000), JobErrorCodes.Overlap);
        Assert.Equal("t[0]: 4000 ms falls inside \"seg_2\" (3000-6000 ms): use 3000 or 6000, or split it first", e.ToString());
    }

    [Fact]
    public void A_clip_longer_than_its_media_or_of_unknown_length_is_refused()
    {
        Fails(Slideshow().AddClip(Clip, durationMs: 9000), JobErrorCodes.OutOfRange);
        Fails(Slideshow().AddClip(new MediaItem("med_x", MediaKind.Video)), JobErrorCodes.Required);
    }

    [Fact]
    public void Adding_a_sound_clip_uses_an_audio_track_that_is_not_the_music()
    {
        var d = Ok(Example().AddClip(new MediaItem("med_voice", MediaKind.Audio, 4000, "voice.m4a"), atMs: 1000));
        Assert.Equal(4, d.Tracks.Length);
        Assert.Equal((TrackType.Audio, "Audio"), (d.Tracks[3].Type, d.Tracks[3].Meta.Name));
        Assert.Equal([("seg_4", 1000L, 4000L)], d.Layout(3));
        Assert.Single(d.Tracks[1].Segments);
    }

    [Fact]
    public void Add_segment_places_it_as_given_and_refuses_an_overlap()
    {
        var d = Ok(Example().AddSegment("trk_3", new Segment { StartMs = 5000, DurationMs = 1000, Meta = new SegmentMeta { Text = "Later" } }));
        Assert.Equal([("seg_3", 0L, 3000L), ("seg_4", 5000L, 1000L)], d.Layout(2));
        Fails(Example().AddSegment("trk_3", new Segment { StartMs = 2000, DurationMs = 1000, Meta = new SegmentMeta { Text = "x" } }), JobErrorCodes.Overlap);
        Fails(Example().AddSegment("trk_9", new Segment { DurationMs = 1 }), JobErrorCodes.NotFound);
        Fails(Example().AddSegment("trk_3", new Segment { Id = "seg_1", DurationMs = 1 }), JobErrorCodes.DuplicateId);
    }

    [Fact]
    public void Removing_a_clip_closes_the_gap_on_a_video_track()
    {
        var d = Ok(Slideshow().RemoveSegment("seg_2"));
        Assert.Equal([("seg_1", 0L, 3000L), ("seg_3", 3000L, 8000L)], d.Layout(0));
        Assert.Equal(11000, d.DurationMs);
    }

    [Fact]
    public void Removing_a_clip_can_leave_the_gap()
    {
        var d = Ok(Slideshow().RemoveSegment("seg_2", closeGap: false));
        Assert.Equal([("seg_1", 0L, 3000L), ("seg_3", 6000L, 8000L)], d.Layout(0));
    }

    [Fact]
    public void Removing_an_unknown_segment_says_so()
    {
        Assert.Equal("$: no segment with id \"seg_9\" in the draft", Fails(Example().RemoveSegment("seg_9"), JobErrorCodes.NotFound).ToString());
    }

    [Fact]
    public void Replacing_a_still_with_a_shorter_clip_shortens_it_and_ripples()
    {
        var d = Ok(Slideshow().ReplaceSegment("seg_1", new MediaItem("med_short", MediaKind.Video, 2000, "short.mp4")));
        var s = d.Seg("seg_1");
        Assert.Equal(("med_short", 0L, 2000L, 0L, MediaKinds.Video, "short.mp4"), (s.Src, s.StartMs, s.DurationMs, s.InPointMs, s.Meta.Kind, s.Meta.Label));
        Assert.Equal([("seg_1", 0L, 2000L), ("seg_2", 2000L, 3000L), ("seg_3", 5000L, 8000L)], d.Layout(0));
        Fails(Slideshow().ReplaceSegment("seg_1", Song), JobErrorCodes.NotApplicable);
    }

    [Fact]
    public void Moving_a_text_changes_its_start_and_refuses_an_overlap()
    {
        var d = Ok(Example().MoveSegment("seg_3", 4000));
        Assert.Equal(4000, d.Seg("seg_3").StartMs);
        var e = Fails(Slideshow().MoveSegment("seg_1", 2000), JobErrorCodes.Overlap);
        Assert.Equal("t[0].sg[0]", e.Field);
    }

    [Fact]
    public void Reordering_packs_the_track_in_the_new_order_and_keeps_transitions_valid()
    {
        var start = Slideshow().SetTransition("fade", 500).Value;
        var d = Ok(start.ReorderSegment("seg_3", 0));
        Assert.Equal([("seg_3", 0L, 8000L), ("seg_1", 8000L, 3000L), ("seg_2", 11000L, 3000L)], d.Layout(0));
        Assert.Null(d.Seg("seg_3").Meta.Transition);
        Assert.NotNull(d.Seg("seg_2").Meta.Transition);
        Fails(start.ReorderSegment("seg_3", 3), JobErrorCodes.OutOfRange);
    }

    [Fact]
    public void Trimming_a_clip_to_a_source_range_sets_in_point_and_duration()
    {
        var d = Ok(Slideshow().TrimSegment("seg_3", 1000, 5000));
        var s = d.Seg("seg_3");
        Assert.Equal((6000L, 4000L, 1000L, 5000L), (s.StartMs, s.DurationMs, s.InPointMs, s.OutPointMs));
        Assert.Equal(10000, d.DurationMs);
    }

    [Fact]
    public void Trimming_respects_the_speed()
    {
        var d = Ok(Slideshow().SetSpeed("seg_3", 2).Then(x => x.TrimSegment("seg_3", 0, 6000)));
        Assert.Equal(3000, d.Seg("seg_3").DurationMs);
    }

    [Fact]
    public void Trimming_refuses_an_empty_range_and_stills()
    {
        var e = Fails(Slideshow().TrimSegment("seg_3", 5000, 5000), JobErrorCodes.OutOfRange);
        Assert.Equal("t[0].sg[2].d: end_ms (5000) must be after start_ms (5000)", e.ToString());
        Fails(Slideshow().TrimSegment("seg_1", 0, 1000), JobErrorCodes.NotApplicable);
    }

    [Fact]
    public void Cutting_the_head_of_a_clip_moves_its_in_point_and_ripples()
    {
        var d = Ok(Slideshow().TrimSegment("seg_3", 1000, null).Then(x => x.CutSegment("seg_1", 1000, 500)));
        Assert.Equal([("seg_1", 0L, 1500L), ("seg_2", 1500L, 3000L), ("seg_3", 4500L, 7000L)], d.Layout(0));
        var e = Ok(d.CutSegment("seg_3", 2000, 0)).Seg("seg_3");
        Assert.Equal((4500L, 5000L, 3000L), (e.StartMs, e.DurationMs, e.InPointMs));
    }

    [Fact]
    public void Cutting_the_head_of_music_keeps_the_rest_in_place()
    {
        var s = Ok(Example().CutSegment("seg_2", 2000, 0)).Seg("seg_2");
        Assert.Equal((2000L, 8000L, 2000L), (s.StartMs, s.DurationMs, s.InPointMs));
        Fails(Example().CutSegment("seg_2", 5000, 5000), JobErrorCodes.OutOfRange);
    }

    [Fact]
    public void Splitting_makes_two_halves_that_continue_the_source()
    {
        var r = Example().SplitSegment("seg_1", 4000);
        var d = Ok(r);
        Assert.Equal("seg_4", r.SegmentId);
        Assert.Equal([("seg_1", 0L, 4000L), ("seg_4", 4000L, 6000L)], d.Layout(0));
        var (left, right) = (d.Seg("seg_1"), d.Seg("seg_4"));
        Assert.Equal((5000L, 9000L), (left.InPointMs, left.OutPointMs));
        Assert.Equal((9000L, 15000L), (right.InPointMs, right.OutPointMs));
        Assert.Equal(((long?)0, (long?)null), (left.Meta.FadeInMs, left.Meta.FadeOutMs));
        Assert.Equal(((long?)null, (long?)500), (right.Meta.FadeInMs, right.Meta.FadeOutMs));
        Assert.Equal(("city timelapse", "cover"), (right.Meta.Label, right.Meta.Fit));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    [InlineData(12000)]
    public void Splitting_outside_the_segment_is_refused(long at)
    {
        Fails(Example().SplitSegment("seg_1", at), JobErrorCodes.OutOfRange);
    }

    [Fact]
    public void Speed_keeps_the_source_range_and_ripples()
    {
        var d = Ok(Slideshow().AddClip(Photo1).Then(x => x.SetSpeed("seg_3", 2)));
        var s = d.Seg("seg_3");
        Assert.Equal((2.0, 4000L, 0L, 8000L), (s.SpeedFactor, s.DurationMs, s.InPointMs, s.OutPointMs));
        Assert.Equal(("seg_4", 10000L), (d.Tracks[0].Segments[3].Id, d.Tracks[0].Segments[3].StartMs));
    }

    [Fact]
    public void Speed_for_all_changes_every_clip_but_not_stills()
    {
        var d = Ok(Slideshow().AddClip(Clip).Then(x => x.SetSpeed(null, 0.5)));
        Assert.Equal([("seg_1", 0L, 3000L), ("seg_2", 3000L, 3000L), ("seg_3", 6000L, 16000L), ("seg_4", 22000L, 16000L)], d.Layout(0));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(4.5)]
    public void Speed_outside_a_quarter_to_four_is_refused_at_sp(double speed)
    {
        Assert.Equal("t[0].sg[2].sp", Fails(Slideshow().SetSpeed("seg_3", speed), JobErrorCodes.OutOfRange).Field);
    }

    [Fact]
    public void A_still_or_a_text_has_no_speed()
    {
        Fails(Slideshow().SetSpeed("seg_1", 2), JobErrorCodes.NotApplicable);
        Fails(Example().SetSpeed("seg_3", 2), JobErrorCodes.NotApplicable);
    }

    [Fact]
    public void Volume_targets_music_video_tracks_and_segments()
    {
        var d = Ok(Example().SetVolume(DraftEdits.MusicTarget, 0.2));
        Assert.Equal(0.2, d.Seg("seg_2").Volume);
        Assert.Equal(1.0, d.Seg("seg_1").Volume);
        d = Ok(d.Mute(DraftEdits.VideoTarget));
        Assert.Equal(0.0, d.Seg("seg_1").Volume);
        d = Ok(d.SetVolume("seg_1", 1.5));
        Assert.Equal(1.5, d.Seg("seg_1").Volume);
        d = Ok(d.SetVolume("trk_2", 0.5));
        Assert.Equal(0.5, d.Seg("seg_2").Volume);
    }

    [Fact]
    public void Volume_refuses_bad_values_and_targets()
    {
        Fails(Example().SetVolume("seg_1", 2.5), JobErrorCodes.OutOfRange);
        Fails(Example().SetVolume("seg_3", 0.5), JobErrorCodes.NotApplicable);
        Fails(Example().SetVolume("nothing", 0.5), JobErrorCodes.NotFound);
        Fails(Slideshow().SetVolume(DraftEdits.MusicTarget, 0.5), JobErrorCodes.NotFound);
    }

    [Fact]
    public void Fades_are_set_and_must_fit_the_segment()
    {
        var d = Ok(Example().SetFades("seg_1", 1000, 2000));
        Assert.Equal(((long?)1000, (long?)2000), (d.Seg("seg_1").Meta.FadeInMs, d.Seg("seg_1").Meta.FadeOutMs));
        d = Ok(d.SetFades("seg_1", 0, null));
        Assert.Equal(((long?)null, (long?)2000), (d.Seg("seg_1").Meta.FadeInMs, d.Seg("seg_1").Meta.FadeOutMs));
        var e = Fails(Example().SetFades("seg_3", 2000, 1500), JobErrorCodes.OutOfRange);
        Assert.Equal("t[2].sg[0].m.fo: fade-in + fade-out (3500 ms) must not be longer than the segment (d = 3000 ms)", e.ToString());
    }

    [Fact]
    public void Shortening_a_segment_shortens_its_fades_to_fit()
    {
        var d = Ok(Example().SetFades("seg_1", 3000, 3000).Then(x => x.CutSegment("seg_1", 0, 6000)));
        Assert.Equal(((long?)3000, (long?)1000), (d.Seg("seg_1").Meta.FadeInMs, d.Seg("seg_1").Meta.FadeOutMs));
    }

    [Fact]
    public void Transitions_go_between_every_adjacent_pair_with_xfade_names()
    {
        var d = Ok(Slideshow().SetTransition("cross-fade", 800));
        Assert.Null(d.Seg("seg_1").Meta.Transition);
        Assert.Equal(new Transition { Type = "fade", DurationMs = 800 }, d.Seg("seg_2").Meta.Transition);
        Assert.Equal(new Transition { Type = "fade", DurationMs = 800 }, d.Seg("seg_3").Meta.Transition);
        d = Ok(d.SetTransition("wipe-left", 300, "seg_3"));
        Assert.Equal("wipeleft", d.Seg("seg_3").Meta.Transition!.Type);
        d = Ok(d.SetTransition("fade-black", 400, "seg_2"));
        Assert.Equal("fadeblack", d.Seg("seg_2").Meta.Transition!.Type);
        d = Ok(d.SetTransition("none"));
        Assert.All(d.Tracks[0].Segments, s => Assert.Null(s.Meta.Transition));
    }

    [Fact]
    public void A_transition_needs_an_adjacent_segment_a_known_type_and_must_fit()
    {
        Assert.Equal("t[0].sg[0].m.tr", Fails(Slideshow().SetTransition("fade", 500, "seg_1"), JobErrorCodes.NotAdjacent).Field);
        Fails(Slideshow().SetTransition("spin"), JobErrorCodes.UnknownValue);
        Assert.Equal("t[0].sg[1].m.tr.d", Fails(Slideshow().SetTransition("fade", 3500, "seg_2"), JobErrorCodes.OutOfRange).Field);
        Fails(Example().SetTransition("fade"), JobErrorCodes.NotAdjacent);
    }

    [Fact]
    public void Removing_a_clip_drops_a_transition_that_lost_its_neighbour()
    {
        var d = Ok(Slideshow().SetTransition("fade", 500).Then(x => x.RemoveSegment("seg_1")));
        Assert.Null(d.Seg("seg_2").Meta.Transition);
        Assert.NotNull(d.Seg("seg_3").Meta.Transition);
    }

    [Fact]
    public void Text_is_added_with_defaults_on_a_new_text_track()
    {
        var r = Slideshow().AddText(new TextSpec { Text = "Sale", Color = "red" });
        var d = Ok(r);
        var s = d.Seg(r.SegmentId!);
        Assert.Equal((TrackType.Text, "Text"), (d.TrackOf(s.Id).Type, d.TrackOf(s.Id).Meta.Name));
        Assert.Equal((0L, 3000L, "Sale", "center", 90.0, "#FF0000"), (s.StartMs, s.DurationMs, s.Meta.Text, s.Meta.Position, s.Meta.Size, s.Meta.Color));
    }

    [Fact]
    public void Texts_at_the_same_time_go_to_separate_tracks()
    {
        var d = Ok(Example().AddText(new TextSpec { Text = "Sub", StartMs = 1000, DurationMs = 1000, Position = "bottom" }));
        Assert.Equal(4, d.Tracks.Length);
        Assert.Equal(TrackType.Text, d.Tracks[3].Type);
        d = Ok(d.AddText(new TextSpec { Text = "Later", StartMs = 5000 }));
        Assert.Equal(2, d.Tracks[2].Segments.Length);
        Assert.Equal(3000, d.Seg("seg_5").DurationMs);
    }

    [Fact]
    public void A_text_ends_with_the_timeline_by_default()
    {
        var d = Ok(Example().AddText(new TextSpec { Text = "End", StartMs = 8500 }));
        Assert.Equal(1500, d.Seg("seg_4").DurationMs);
    }

    [Fact]
    public void Bad_texts_are_refused()
    {
        Fails(Example().AddText(new TextSpec { Text = " " }), JobErrorCodes.Required);
        Fails(Example().AddText(new TextSpec { Text = "x", Color = "ultraviolet" }), JobErrorCodes.UnknownValue);
        Fails(Example().AddText(new TextSpec { Text = "x", Position = "left" }), JobErrorCodes.UnknownValue);
        Fails(Example().AddText(new TextSpec { Text = "x", Size = 5000 }), JobErrorCodes.OutOfRange);
    }

    [Fact]
    public void Editing_a_text_changes_only_what_is_given()
    {
        var d = Ok(Example().EditText("seg_3", new TextChange { Size = 120, Color = "#ff0", Position = "top" }));
        var m = d.Seg("seg_3").Meta;
        Assert.Equal(("Urban Dreams", 120.0, "#FFFF00", "top"), (m.Text, m.Size, m.Color, m.Position));
        Fails(Example().EditText("seg_1", new TextChange { Text = "x" }), JobErrorCodes.NotApplicable);
    }

    [Fact]
    public void Editing_a_text_into_an_occupied_time_moves_it_to_another_text_track()
    {
        var start = Ok(Example().AddText(new TextSpec { Text = "Two", StartMs = 5000, DurationMs = 2000 }));
        var d = Ok(start.EditText("seg_4", new TextChange { StartMs = 1000 }));
        Assert.Equal(4, d.Tracks.Length);
        Assert.Equal("seg_4", Assert.Single(d.Tracks[3].Segments).Id);
        Assert.Equal("Title", d.Tracks[3].Meta.Name);
    }

    [Fact]
    public void Removing_the_last_text_removes_its_track()
    {
        var d = Ok(Example().RemoveText("seg_3"));
        Assert.Equal(2, d.Tracks.Length);
        Fails(Example().RemoveText("seg_1"), JobErrorCodes.NotApplicable);
    }

    [Fact]
    public void Music_spans_the_timeline_and_loops_when_short()
    {
        var r = Slideshow().SetMusic(new MediaItem("med_song", MediaKind.Audio, 10000, "Lo-fi"), 0.35, fadeOutMs: 2000);
        var d = Ok(r);
        var music = d.Tracks[^1];
        Assert.Equal((TrackType.Audio, "BGM", TrackRoles.Music), (music.Type, music.Meta.Name, music.Meta.Role));
        var s = Assert.Single(music.Segments);
        Assert.Equal((0L, 14000L, 0.35, (long?)2000, (bool?)true), (s.StartMs, s.DurationMs, s.Volume, s.Meta.FadeOutMs, s.Meta.Loop));
        Assert.Equal(14000, d.DurationMs);
    }

    [Fact]
    public void Music_replaces_the_contract_examples_BGM_in_place()
    {
        var d = Ok(Example().SetMusic(Song, 0.5));
        Assert.Equal(3, d.Tracks.Length);
        var s = Assert.Single(d.Tracks[1].Segments);
        Assert.Equal(("med_song", 10000L, 0.5, (bool?)null), (s.Src, s.DurationMs, s.Volume, s.Meta.Loop));
        Assert.Equal("trk_2", d.Tracks[1].Id);
    }

    [Fact]
    public void Music_is_removed_with_its_track()
    {
        var d = Ok(Example().RemoveMusic());
        Assert.DoesNotContain(d.Tracks, t => t.Type == TrackType.Audio);
        Fails(d.RemoveMusic(), JobErrorCodes.NotFound);
        Fails(Example().SetMusic(Photo1), JobErrorCodes.NotApplicable);
        Fails(Draft.Create().SetMusic(new MediaItem("m", MediaKind.Audio)), JobErrorCodes.Required);
    }

    [Theory]
    [InlineData("16:9", 1920, 1080)]
    [InlineData("9:16", 1080, 1920)]
    [InlineData("1:1", 1080, 1080)]
    [InlineData("4:5", 1080, 1350)]
    public void Aspect_presets_set_the_canvas(string aspect, int w, int h)
    {
        var d = Ok(Example().SetAspect(aspect));
        Assert.Equal((w, h, aspect), (d.Width, d.Height, d.Meta.Aspect));
    }

    [Fact]
    public void An_aspect_with_a_fit_sets_the_fit_of_full_canvas_pictures_only()
    {
        var logo = new Segment { Src = "med_logo", DurationMs = 10000, Meta = new SegmentMeta { Scale = 0.15, Position = "top-right" } };
        var d = Example() with { Tracks = Example().Tracks.Insert(1, new Track { Id = "trk_logo", Type = TrackType.Video }) };
        d = Ok(d.AddSegment("trk_logo", logo).Then(x => x.SetAspect("9:16", "blur")));
        Assert.Equal("blur", d.Seg("seg_1").Meta.Fit);
        Assert.Null(d.Tracks[1].Segments[0].Meta.Fit);
        Fails(Example().SetAspect("21:9"), JobErrorCodes.UnknownValue);
        Fails(Example().SetAspect("9:16", "stretch"), JobErrorCodes.UnknownValue);
    }

    [Fact]
    public void A_custom_canvas_is_checked_and_named_by_its_ratio()
    {
        var d = Ok(Example().SetCanvas(1280, 720));
        Assert.Equal((1280, 720, "16:9"), (d.Width, d.Height, d.Meta.Aspect));
        Assert.Equal("w: must be at most 1920 (the long side; got 2560)", Fails(Example().SetCanvas(2560, 1440), JobErrorCodes.OutOfRange).ToString());
        Fails(Example().SetCanvas(641, 360), JobErrorCodes.NotEven);
    }

    [Theory]
    [InlineData("tiktok", 1080, 1920)]
    [InlineData("Shorts", 1080, 1920)]
    [InlineData("youtube", 1920, 1080)]
    [InlineData("instagram-square", 1080, 1080)]
    [InlineData("instagram", 1080, 1350)]
    public void Platform_presets_set_the_canvas_and_remember_the_platform(string platform, int w, int h)
    {
        var d = Ok(Example().SetPlatform(platform));
        Assert.Equal((w, h), (d.Width, d.Height));
        Assert.NotNull(d.Meta.Platform);
        Fails(Example().SetPlatform("myspace"), JobErrorCodes.UnknownValue);
    }

    [Fact]
    public void Setting_a_longer_duration_stretches_the_stills_only()
    {
        // stills 3000 + 3000, clip 8000: 20000 total asks the stills for 12000
        var d = Ok(Slideshow().SetDuration(20000));
        Assert.Equal([("seg_1", 0L, 6000L), ("seg_2", 6000L, 6000L), ("seg_3", 12000L, 8000L)], d.Layout(0));
        Assert.Equal(20000, d.DurationMs);
    }

    [Fact]
    public void Scaled_stills_add_up_to_the_exact_total()
    {
        var d = Draft.Create().AddClip(Photo1).Then(x => x.AddClip(Photo2)).Then(x => x.AddClip(Photo1)).Then(x => x.SetDuration(10000));
        Assert.Equal([("seg_1", 0L, 3334L), ("seg_2", 3334L, 3333L), ("seg_3", 6667L, 3333L)], Ok(d).Layout(0));
    }

    [Fact]
    public void Setting_a_shorter_duration_shrinks_stills_and_fits_music_and_titles()
    {
        var start = Slideshow().SetMusic(Song, 0.4).Then(x => x.AddText(new TextSpec { Text = "Hi", StartMs = 10000, DurationMs = 4000 })).Value;
        var d = Ok(start.SetDuration(12000));
        Assert.Equal([("seg_1", 0L, 2000L), ("seg_2", 2000L, 2000L), ("seg_3", 4000L, 8000L)], d.Layout(0));
        Assert.Equal(12000, Assert.Single(d.Tracks[1].Segments).DurationMs);
        Assert.Equal((10000L, 2000L), (d.Seg("seg_5").StartMs, d.Seg("seg_5").DurationMs));
    }

    [Fact]
    public void Setting_a_duration_shorter_than_the_clips_cuts_at_the_end()
    {
        var d = Ok(Slideshow().SetDuration(5000));
        Assert.Equal([("seg_1", 0L, 3000L), ("seg_2", 3000L, 2000L)], d.Layout(0));
    }

    [Fact]
    public void A_timeline_of_clips_cannot_be_lengthened()
    {
        var clips = Draft.Create().AddClip(Clip).Value;
        var e = Fails(clips.SetDuration(9000), JobErrorCodes.NotApplicable);
        Assert.Contains("no stills", e.Message, StringComparison.Ordinal);
        Fails(Draft.Create().SetDuration(1000), JobErrorCodes.NotApplicable);
        Fails(clips.SetDuration(0), JobErrorCodes.OutOfRange);
    }

    [Fact]
    public void Lengthening_loops_music_that_reached_the_end()
    {
        var d = Ok(Slideshow().SetMusic(Song).Then(x => x.SetDuration(30000)));
        var music = d.Tracks[1].Segments[0];
        Assert.Equal((30000L, (bool?)true), (music.DurationMs, music.Meta.Loop));
    }

    [Fact]
    public void The_total_duration_is_derived_from_the_latest_segment_end()
    {
        var d = Example() with { DurationMs = 1 };
        Assert.Equal(10000, DraftDuration.Compute(d));
        Assert.Equal(10000, d.WithDerivedDuration().DurationMs);
        Assert.Equal(0, DraftDuration.Compute(Draft.Create()));
        Assert.Equal(12000, Ok(Example().MoveSegment("seg_3", 9000)).DurationMs);
    }

    [Fact]
    public void Edits_never_change_their_input()
    {
        var before = Example();
        var json = DraftJson.Serialize(before);
        _ = before.SplitSegment("seg_1", 5000).Then(x => x.SetSpeed(null, 2)).Then(x => x.SetAspect("9:16", "blur")).Then(x => x.RemoveText("seg_3"));
        Assert.Equal(json, DraftJson.Serialize(before));
    }

    [Fact]
    public void A_failed_step_stops_a_chain_and_value_says_why()
    {
        var r = Example().SetSpeed("seg_1", 2).Then(x => x.SplitSegment("nope", 1)).Then(x => x.SetSpeed("seg_1", 1));
        Assert.Equal(JobErrorCodes.NotFound, r.Error!.Code);
        var ex = Assert.Throws<InvalidOperationException>(() => r.Value);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_names_and_short_hex_become_full_hex()
    {
        Assert.Equal("#FFFFFF", ColorNames.ToHex("White"));
        Assert.Equal("#AABBCC", ColorNames.ToHex("#abc"));
        Assert.Equal("#11223344", ColorNames.ToHex("11223344"));
        Assert.Null(ColorNames.ToHex("#12345"));
    }

    [Theory]
    [InlineData("crossfade", "fade")]
    [InlineData("Fade-Black", "fadeblack")]
    [InlineData("wipe_left", "wipeleft")]
    [InlineData("slide left", "slideleft")]
    [InlineData("dissolve", "dissolve")]
    [InlineData("spin", null)]
    public void Transition_aliases_map_to_xfade_names(string name, string? expected)
    {
        Assert.Equal(expected, TransitionTypes.Normalize(name));
    }
}
