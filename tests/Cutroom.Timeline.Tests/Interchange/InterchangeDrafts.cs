using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests.Interchange;

/// <summary>The draft the interchange tests export: every kind of track, cuts off the frame grid, gaps, transitions, speed, stills, texts.</summary>
internal static class InterchangeDrafts
{
    public static string Json(int fps = 30) => """
        {
          "v": 1, "w": 1920, "h": 1080, "fps": FPS,
          "m": {"title": "Harbour cut", "aspect": "16:9", "future": {"kept": true}},
          "t": [
            {"id": "trk_v", "tt": 0, "m": {"name": "Video"}, "sg": [
              {"id": "seg_a", "src": "med_photo", "st": 0, "d": 3000, "m": {"label": "beach.jpg", "kind": "image", "fit": "blur", "motion": "zoom-in"}},
              {"id": "seg_b", "src": "med_clip", "st": 3000, "d": 4017, "so": 1234, "vol": 0.8, "m": {"label": "surf", "kind": "video", "fi": 0, "fo": 300, "tr": {"type": "fade", "d": 500}}},
              {"id": "seg_c", "src": "med_clip", "st": 8000, "d": 2345, "so": 700, "sp": 1.5, "m": {"label": "surf fast", "kind": "video"}},
              {"id": "seg_d", "src": "med_boat", "st": 10345, "d": 1655, "m": {"label": "boat", "kind": "video", "tr": {"type": "wipeleft", "d": 400}}}]},
            {"id": "trk_logo", "tt": 0, "m": {"name": "Logo"}, "sg": [
              {"id": "seg_logo", "src": "med_logo", "st": 1000, "d": 11000, "m": {"kind": "image", "scale": 0.15, "pos": "top-right", "margin": 40, "opacity": 0.8}}]},
            {"id": "trk_t1", "tt": 7, "m": {"name": "Title"}, "sg": [
              {"id": "seg_t1", "st": 0, "d": 2500, "m": {"text": "He said: \"50% off\"\n中文 标题", "pos": "bottom", "size": 90, "color": "#FFFF00", "outline": 3}},
              {"id": "seg_t2", "st": 9000, "d": 3000, "m": {"text": "The end", "pos": "center"}}]},
            {"id": "trk_music", "tt": 1, "m": {"name": "BGM", "role": "music"}, "sg": [
              {"id": "seg_m", "src": "med_song", "st": 0, "d": 12000, "vol": 0.35, "m": {"label": "Lo-fi", "kind": "audio", "fo": 2000, "loop": true}}]},
            {"id": "trk_voice", "tt": 1, "m": {"name": "Voice", "role": "voice"}, "sg": [
              {"id": "seg_vo", "src": "med_vo", "st": 1533, "d": 3011, "so": 250, "m": {"kind": "audio"}}]}
          ]
        }
        """.Replace("FPS", fps.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static Draft Draft(int fps = 30) => TestDrafts.Parse(Json(fps)).WithDerivedDuration();

    /// <summary>Media names as the server would give them.</summary>
    public static MediaReference Resolve(string src) => new(src switch
    {
        "med_photo" => "beach.jpg",
        "med_clip" => "surf.mp4",
        "med_boat" => "boat trip.mov",
        "med_logo" => "logo.png",
        "med_song" => "lofi.mp3",
        _ => src + ".wav",
    }, src switch { "med_clip" => "surf.mp4", _ => null });
}
