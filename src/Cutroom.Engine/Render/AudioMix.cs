using System.Globalization;
using Cutroom.FFmpeg.Graph;
using Cutroom.Contract.Time;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// Builds the soundtrack: the sound of every video-track clip plus every audio-track segment
/// (background music), each trimmed at its in-point, tempo-changed with its speed (pitch kept:
/// <c>atempo</c>), looped when the music is shorter than its segment, at its volume, faded, placed
/// at its start with <c>adelay</c>, then mixed without normalising (<c>amix normalize=0</c>) and
/// brought to the target loudness with single-pass EBU R128 <c>loudnorm</c> (true peak ≤ -1.5 dBTP),
/// or limited to -1 dBFS when no target is set. Always exactly the draft's duration, 48 kHz stereo.
/// </summary>
internal static class AudioMix
{
    public static GraphStream Build(RenderGraph g, long totalFrames, IReadOnlyDictionary<Segment, int> videoInputs)
    {
        var totalUs = g.Clock.FrameToUs(totalFrames);
        var parts = new List<GraphStream>();
        foreach (var track in g.Draft.Tracks)
        {
            if (track.Type is not (TrackType.Video or TrackType.Audio)) continue;
            foreach (var seg in track.Segments)
            {
                if (seg.Src is null || seg.VolumeFactor <= 0) continue;
                var info = g.Sources[seg.Src];
                if (info.Audio is null || info.IsStillImage) continue;
                int input;
                long trimStartUs;
                if (track.Type == TrackType.Video && videoInputs.TryGetValue(seg, out var vi)) { input = vi; trimStartUs = g.InputTrimStart(vi); }
                else
                {
                    var readUs = (long)Math.Ceiling(seg.DurationMs * 1000 * seg.SpeedFactor);
                    (input, trimStartUs) = g.AddInput(info, seg.InPointMs * 1000, readUs, isStill: false);
                }
                parts.Add(Segment(g, seg, track, info, input, trimStartUs));
            }
        }

        GraphStream mix;
        if (parts.Count == 0)
            mix = g.Graph.Source(Filter.Raw("anullsrc", [], [PadKind.Audio], ("r", 48000), ("cl", "stereo")));
        else if (parts.Count == 1)
            mix = parts[0];
        else
            mix = g.Graph.Apply(Filter.Raw("amix", [.. parts.Select(_ => PadKind.Audio)], [PadKind.Audio],
                ("inputs", parts.Count), ("normalize", 0), ("dropout_transition", 0)), [.. parts])[0];

        if (parts.Count > 0)
        {
            mix = g.Options.TargetLufs is { } lufs
                ? mix.Then(Filter.Audio("loudnorm", ("I", lufs), ("TP", -1.5), ("LRA", 11)))
                : mix.Then(Filter.Audio("alimiter", ("limit", 0.891), ("level", false)));
        }
        return mix.Then(Filter.Audio("aresample", ("out_sample_rate", 48000)))
            .Then(Filter.Audio("aformat", ("sample_fmts", "fltp"), ("channel_layouts", "stereo")))
            .Then(Filter.Audio("apad", ("whole_dur", MediaTime.ToFFmpeg(totalUs))))
            .Then(Filters.ATrim(0, totalUs))
            .Then(Filters.ASetPts("PTS-STARTPTS"));
    }

    private static GraphStream Segment(RenderGraph g, Segment seg, Track track, FFmpeg.Probe.MediaInfo info, int input, long trimStartUs)
    {
        var durUs = g.Clock.FrameToUs(g.Clock.Frames(seg.EndMs) - g.Clock.Frames(seg.StartMs));
        var speed = seg.SpeedFactor;
        var a = g.Graph.InputAudio(input);
        if (trimStartUs > 0) a = a.Then(Filters.ATrim(trimStartUs, null));
        a = a.Then(Filters.ASetPts("PTS-STARTPTS"))
             .Then(Filter.Audio("aresample", ("out_sample_rate", 48000)))
             .Then(Filter.Audio("aformat", ("sample_fmts", "fltp"), ("channel_layouts", "stereo")));

        // Music shorter than its segment repeats (unless m.loop is false).
        var sourceLeftUs = (info.DurationMs ?? 0) * 1000 - seg.InPointMs * 1000;
        if (track.Type == TrackType.Audio && seg.Meta.Loop != false && sourceLeftUs > 0 && sourceLeftUs < (long)(durUs * speed))
        {
            var samples = (long)Math.Ceiling(sourceLeftUs / 1e6 * 48000);
            a = a.Then(Filter.Audio("aloop", ("loop", -1), ("size", samples)));
        }
        foreach (var tempo in Tempos(speed)) a = a.Then(Filter.Audio("atempo", ("tempo", tempo)));
        a = a.Then(Filter.Audio("apad")).Then(Filters.ATrim(0, durUs));
        if (Math.Abs(seg.VolumeFactor - 1) > 1e-9) a = a.Then(Filter.Audio("volume", ("volume", seg.VolumeFactor)));
        if (seg.Meta.FadeInMs is > 0 and var fi)
            a = a.Then(Filter.Audio("afade", ("t", "in"), ("st", 0), ("d", MediaTime.ToFFmpeg(Math.Min(fi * 1000, durUs)))));
        if (seg.Meta.FadeOutMs is > 0 and var fo)
        {
            var d = Math.Min(fo * 1000, durUs);
            a = a.Then(Filter.Audio("afade", ("t", "out"), ("st", MediaTime.ToFFmpeg(durUs - d)), ("d", MediaTime.ToFFmpeg(d))));
        }
        var delayMs = g.Clock.FrameToUs(g.Clock.Frames(seg.StartMs)) / 1000;
        if (delayMs > 0) a = a.Then(Filter.Audio("adelay", ("delays", delayMs.ToString(CultureInfo.InvariantCulture)), ("all", 1)));
        return a;
    }

    /// <summary>Splits a speed into <c>atempo</c> factors within its 0.5-100 range (0.25 = 0.5 × 0.5).</summary>
    internal static IEnumerable<double> Tempos(double speed)
    {
        if (Math.Abs(speed - 1) < 1e-9) yield break;
        var s = speed;
        while (s < 0.5) { yield return 0.5; s /= 0.5; }
        yield return s;
    }
}
