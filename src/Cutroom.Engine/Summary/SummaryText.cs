using System.Globalization;
using System.Text;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Summary;

/// <summary>Turns a <see cref="SummaryDocument"/>'s facts into a paragraph and a Markdown page (no I/O).</summary>
public static class SummaryText
{
    /// <summary>
    /// The plain-language paragraph, e.g. "A 1:06 video (1280x720, 25 fps) of 20 shots in 5 chapters,
    /// with speech in about 40 % of it and silence in 10 %; integrated loudness -16 LUFS, the loudest
    /// moment at 0:21. The picture is busy." Every clause comes from a measured fact; absent facts are left out.
    /// </summary>
    public static string Paragraph(SummaryDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var m = d.Metadata;
        var sb = new StringBuilder();
        var length = Length(m.DurationMs);
        if (m.VideoCodec is null) sb.Append(CultureInfo.InvariantCulture, $"A {length} audio recording");
        else
        {
            var rate = Cutroom.Contract.Time.Rational.ParseOrUnknown(m.FrameRate);
            sb.Append(CultureInfo.InvariantCulture, $"A {length} {(m.AudioCodec is null ? "silent " : "")}video ({m.Width}x{m.Height}{(rate.IsPositive ? string.Create(CultureInfo.InvariantCulture, $", {rate.ToDouble():0.##} fps") : "")})");
            sb.Append(CultureInfo.InvariantCulture, $" of {Count(d.Shots.Count, "shot")}");
        }
        sb.Append(CultureInfo.InvariantCulture, $" in {Count(d.Chapters.Count, "chapter")}");
        if (d.SpeechShare is { } speech && d.SilenceShare is { } silence)
        {
            var content = speech >= 0.6 ? "mostly speech" : speech >= 0.2 ? $"speech in about {Percent(speech)} of it" : silence < 0.5 ? "sound but little speech (music or ambience)" : "little sound";
            sb.Append(", with ").Append(content);
            if (silence >= 0.05) sb.Append(CultureInfo.InvariantCulture, $" and silence in {Percent(silence)}");
        }
        sb.Append('.');
        if (d.Loudness is { } l)
        {
            if (l.IntegratedLufs is { } i) sb.Append(CultureInfo.InvariantCulture, $" Its integrated loudness is {i:0} LUFS");
            else sb.Append(" It is almost silent");
            if (l.LoudestLufs > -70) sb.Append(CultureInfo.InvariantCulture, $"; the loudest moment is at {Clock(l.LoudestMs)}");
            sb.Append('.');
        }
        if (d.MotionLevel is { } motion) sb.Append(CultureInfo.InvariantCulture, $" The picture is {motion}.");
        return sb.ToString();
    }

    /// <summary>The Markdown page: title, paragraph, metadata, chapters with thumbnails, loudness, shots.</summary>
    public static string Markdown(SummaryDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var m = d.Metadata;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(d.Source)).Append("\n\n").Append(d.Description).Append("\n\n");
        if (d.Storyboard is not null) sb.Append("![storyboard](").Append(d.Storyboard).Append(")\n\n");
        sb.Append("## Metadata\n\n| | |\n|---|---|\n");
        sb.Append(CultureInfo.InvariantCulture, $"| Duration | {Clock(m.DurationMs)} |\n| Container | {Escape(m.Container)} |\n| Size | {m.SizeBytes:N0} bytes |\n");
        if (m.VideoCodec is not null) sb.Append(CultureInfo.InvariantCulture, $"| Video | {m.VideoCodec}, {m.Width}x{m.Height}, {m.FrameRate} fps, {m.FrameCount} frames |\n");
        if (m.AudioCodec is not null) sb.Append(CultureInfo.InvariantCulture, $"| Audio | {m.AudioCodec}, {m.SampleRateHz} Hz, {m.Channels} channel(s) |\n");
        if (m.Title is not null) sb.Append("| Title | ").Append(Escape(m.Title)).Append(" |\n");
        if (m.CreationTime is { } ct) sb.Append(CultureInfo.InvariantCulture, $"| Created | {ct:yyyy-MM-dd HH:mm:ss} UTC |\n");
        sb.Append("\n## Chapters\n\n| # | From | To | Shots | Thumbnail |\n|---|---|---|---|---|\n");
        foreach (var c in d.Chapters)
            sb.Append(CultureInfo.InvariantCulture, $"| {c.Index + 1} | {Clock(c.StartMs)} | {Clock(c.EndMs)} | {c.ShotCount} | {(c.Thumbnail is null ? "" : $"![chapter {c.Index + 1}]({c.Thumbnail})")} |\n");
        if (d.Loudness is { } l)
        {
            sb.Append("\n## Sound\n\n| | |\n|---|---|\n");
            sb.Append(CultureInfo.InvariantCulture, $"| Integrated loudness | {Num(l.IntegratedLufs, "LUFS")} |\n| Loudness range | {Num(l.RangeLu, "LU")} |\n| True peak | {Num(l.TruePeakDbfs, "dBTP")} |\n");
            sb.Append(CultureInfo.InvariantCulture, $"| Loudest second | {Clock(l.LoudestMs)} ({l.LoudestLufs:0.0} LUFS) |\n");
            if (d.SpeechShare is { } sp) sb.Append(CultureInfo.InvariantCulture, $"| Speech | {Percent(sp)} of the seconds |\n");
            if (d.SilenceShare is { } si) sb.Append(CultureInfo.InvariantCulture, $"| Silence | {Percent(si)} of the time |\n");
        }
        if (d.Shots.Count > 0)
        {
            sb.Append("\n## Shots\n\n| # | From | To | Frames | Begins with |\n|---|---|---|---|---|\n");
            foreach (var s in d.Shots)
                sb.Append(CultureInfo.InvariantCulture, $"| {s.Index + 1} | {Clock(s.StartMs)} | {Clock(s.EndMs)} | {s.StartFrame}-{s.EndFrame} | {(s.Transition is null ? "start" : s.Transition.ToString()!.ToLowerInvariant())} |\n");
        }
        if (d.Files.Count > 0) sb.Append("\n## Exports\n\n").Append(string.Concat(d.Files.Select(f => $"- [{f}]({f})\n")));
        return sb.ToString();
    }

    private static string Length(long ms) => ms < 60_000 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(MediaTime.FromMilliseconds(ms).TotalSeconds):0}-second") : Clock(ms);
    private static string Clock(long ms) => MediaTime.ToClock(ms);
    private static string Count(int n, string word) => n == 1 ? $"1 {word}" : string.Create(CultureInfo.InvariantCulture, $"{n} {word}s");
    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0} %");
    private static string Num(double? v, string unit) => v is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:0.0} {unit}") : "n/a";
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
