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
    /// <summary>The mix's sample rate (Hz): the rate of video production, and the only one Opus codes.</summary>
    private const int SampleRateHz = 48_000;
    /// <summary>The mix's channel layout.</summary>
    private const string Layout = "stereo";
    /// <summary>The mix's sample format (planar float: no clipping between filters).</summary>
    private const string SampleFormat = "fltp";
    /// <summary>Highest true peak after loudness normalisation, dBTP (EBU R128 allows -1; streaming platforms ask -1 to -2).</summary>
    private const double TruePeakDb = -1.5;
    /// <summary>Target loudness range, LU (loudnorm's default).</summary>
    private const double LoudnessRange = 11;
    /// <summary>Peak limit without a loudness target: 0.891 = -1 dBFS.</summary>
    private const double PeakLimit = 0.891;

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
                    var readUs = (long)Math.Ceiling(MediaTime.FromMilliseconds(seg.DurationMs).ToMicroseconds() * seg.SpeedFactor);
                    (input, trimStartUs) = g.AddInput(info, MediaTime.FromMilliseconds(seg.InPointMs).ToMicroseconds(), readUs, isStill: false);
                }
                parts.Add(Segment(g, seg, track, info, input, trimStartUs));
            }
        }

        GraphStream mix;
        if (parts.Count == 0)
            mix = g.Graph.Source(Filters.ANullSrc(SampleRateHz, Layout));
        else if (parts.Count == 1)
            mix = parts[0];
        else
            mix = g.Graph.Apply(Filters.AMixSum(parts.Count), [.. parts])[0];

        if (parts.Count > 0)
        {
            mix = g.Request.TargetLufs is { } lufs
                ? mix.Then(Filters.Loudnorm(lufs, TruePeakDb, LoudnessRange))
                : mix.Then(Filters.ALimiter(PeakLimit, autoLevel: false));
        }
        return mix.Then(Filters.AResample(SampleRateHz))
            .Then(Filters.AFormat(SampleFormat, Layout))
            .Then(Filters.APadTo(MediaTime.FromMicroseconds(totalUs)))
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
             .Then(Filters.AResample(SampleRateHz))
             .Then(Filters.AFormat(SampleFormat, Layout));

        // Music shorter than its segment repeats (unless m.loop is false).
        var sourceLeftUs = (MediaTime.FromMilliseconds(info.DurationMs ?? 0) - MediaTime.FromMilliseconds(seg.InPointMs)).ToMicroseconds();
        if (track.Type == TrackType.Audio && seg.Meta.Loop != false && sourceLeftUs > 0 && sourceLeftUs < (long)(durUs * speed))
        {
            var samples = (long)Math.Ceiling(MediaTime.FromMicroseconds(sourceLeftUs).TotalSeconds * SampleRateHz);
            a = a.Then(Filters.ALoop(-1, samples));
        }
        foreach (var tempo in Tempos(speed)) a = a.Then(Filters.ATempo(tempo));
        a = a.Then(Filters.APad()).Then(Filters.ATrim(0, durUs));
        if (Math.Abs(seg.VolumeFactor - 1) > 1e-9) a = a.Then(Filters.Volume(seg.VolumeFactor));
        var duration = MediaTime.FromMicroseconds(durUs);
        if (seg.Meta.FadeInMs is > 0 and var fi)
            a = a.Then(Filters.AFadeIn(MediaTime.Min(MediaTime.FromMilliseconds(fi), duration)));
        if (seg.Meta.FadeOutMs is > 0 and var fo)
        {
            var d = MediaTime.Min(MediaTime.FromMilliseconds(fo), duration);
            a = a.Then(Filters.AFadeOut(duration - d, d));
        }
        // adelay counts whole milliseconds: a start under 1 ms needs no delay.
        var delay = g.Clock.Time(g.Clock.Frames(seg.StartMs));
        if (delay >= MediaTime.FromMilliseconds(1)) a = a.Then(Filters.ADelay(delay));
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
