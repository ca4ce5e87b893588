using Cutroom.Contract.Errors;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Timeline.Tests;

[Trait("Tier", "Fast")]
public class TrackMediaTests
{
    [Theory]
    [InlineData(TrackType.Video, true, false, null)]
    [InlineData(TrackType.Video, true, true, null)]
    [InlineData(TrackType.Video, false, true, "'m.wav' has no picture and cannot be on a video track")]
    [InlineData(TrackType.Audio, false, true, null)]
    [InlineData(TrackType.Audio, true, true, null)]
    [InlineData(TrackType.Audio, true, false, "'m.wav' has no sound and cannot be on an audio track")]
    public void Video_tracks_need_a_picture_and_audio_tracks_need_sound(TrackType type, bool picture, bool sound, string? message)
    {
        var error = TrackMedia.Check(new MediaPlacement(type, "med_1", "t[0].sg[0].src"), new MediaFacts("m.wav", picture, sound));
        Assert.Equal(message, error?.Message);
        if (error is not null) Assert.Equal((JobErrorCodes.UnsupportedMedia, "t[0].sg[0].src"), (error.Code, error.Field));
    }

    [Fact]
    public void Placements_are_the_media_segments_of_video_and_audio_tracks_in_document_order()
    {
        var draft = DraftJson.Parse("""
            {"v":1,"w":320,"h":240,"fps":25,"t":[
              {"id":"t","tt":7,"sg":[{"id":"s","st":0,"d":1000,"m":{"text":"hi"}}]},
              {"id":"v","tt":0,"sg":[{"id":"a","src":"med_a","st":0,"d":1000},{"id":"b","src":"med_b","st":1000,"d":1000}]},
              {"id":"m","tt":1,"sg":[{"id":"c","src":"med_c","st":0,"d":2000}]}]}
            """).Draft!;
        Assert.Equal(
            [new MediaPlacement(TrackType.Video, "med_a", "t[1].sg[0].src"), new MediaPlacement(TrackType.Video, "med_b", "t[1].sg[1].src"),
             new MediaPlacement(TrackType.Audio, "med_c", "t[2].sg[0].src")],
            TrackMedia.Placements(draft));
    }
}
