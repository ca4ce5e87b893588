namespace Cutroom.Engine.Tests.Analysis;

/// <summary>Generated media for the analysis, highlight and summary tests.</summary>
public static class AnalysisMedia
{
    /// <summary>Speech-like sound: 0.25 s syllables of a 320 Hz voice with two harmonics, 0.12 s apart, in sentences of 3.2 s after 0.9 s pauses.</summary>
    public const string Syllables = "lt(mod(t,0.37),0.25)*gt(mod(t,4.1),0.9)*(0.5*sin(2*PI*320*t)+0.3*sin(2*PI*640*t)+0.2*sin(2*PI*960*t))";

    /// <summary>
    /// 6 s, 320x240: black for 2 s then testsrc2; audio a 1 kHz tone, silent from 2 s to 4 s.
    /// </summary>
    public static string ToneSilenceBlack => TestMedia.Generate("tone-silence-black.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6",
        "-f", "lavfi", "-i", "aevalsrc=exprs='0.3*sin(2*PI*1000*t)*not(between(t,2,4))':s=48000:d=6",
        "-vf", "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='lt(t,2)'",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    /// <summary>10 s of audio: speech-like syllables for 5 s, then a steady chord (music-like) for 5 s.</summary>
    public static string SpeechThenChord => TestMedia.Generate("speech-then-chord.wav",
        "-f", "lavfi", "-i", $"aevalsrc=exprs='0.4*lt(t,5)*{Syllables}+0.2*gte(t,5)*(sin(2*PI*262*t)+sin(2*PI*330*t)+sin(2*PI*392*t))':s=44100:d=10");

    /// <summary>Loud moments of the webinar, (start s, end s).</summary>
    public static readonly (double Start, double End)[] WebinarLoud = [(21, 24), (62, 65)];

    /// <summary>
    /// A 90 s "webinar", 320x240 at 25 fps: a slide (a colour with a box) that changes every 15 s,
    /// speech-like syllables throughout at about -20 dBFS, and two loud moments (12 dB louder speech with
    /// noise, like cheering) at <see cref="WebinarLoud"/>. H.264 with a keyframe every 2 s, AAC.
    /// </summary>
    public static string Webinar => TestMedia.Generate("webinar.mp4",
        "-f", "lavfi", "-i", "color=c=0x204060:size=320x240:rate=25:duration=90",
        "-f", "lavfi", "-i", $"aevalsrc=exprs='(0.15+0.45*(between(t,21,24)+between(t,62,65)))*{Syllables}+0.2*(between(t,21,24)+between(t,62,65))*(random(0)-0.5)':s=48000:d=90",
        "-vf", "drawbox=x=40:y=40:w=240:h=60:color=white:t=fill,hue=h=70*floor(t/15)",
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest");

    /// <summary>The webinar's audio level (dBFS) around <paramref name="seconds"/>: the loudest 20 ms RMS within ±<paramref name="windowMs"/> ms, measured by ffmpeg on the output itself.</summary>
    public static double LevelAround(double[] levels20Ms, double seconds, int windowMs = 30)
    {
        var centre = (int)Math.Round(seconds * 50);
        var reach = Math.Max(1, windowMs / 20);
        var max = -100.0;
        for (var i = Math.Max(0, centre - reach); i <= Math.Min(levels20Ms.Length - 1, centre + reach); i++) max = Math.Max(max, levels20Ms[i]);
        return max;
    }

    /// <summary>Shot changes of <see cref="LongGop"/> (frames, 25 fps), one inside each 10 s GOP, none on a keyframe.</summary>
    public static readonly int[] LongGopCuts = [185, 420, 610, 880];

    /// <summary>
    /// 45 s of testsrc2 at 320x240, 25 fps, whose hue turns by 90° at each of <see cref="LongGopCuts"/>;
    /// H.264 with a keyframe every 250 frames only (no scene-cut keyframes), no audio. A keyframe
    /// analysis sees the changes at 10, 20, 30 and 40 s.
    /// </summary>
    public static string LongGop => TestMedia.Generate("long-gop-cuts.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=45",
        "-vf", $"hue=h='90*({string.Join("+", LongGopCuts.Select(c => $"gte(n,{c})"))})'",
        "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-x264-params", "scenecut=0", "-pix_fmt", "yuv420p");
}
