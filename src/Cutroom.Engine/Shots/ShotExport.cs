using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Shots;

/// <summary>
/// Writes a list of time ranges (shots or chapters) for editors: CSV, a CMX 3600 EDL (one event
/// per range, cut transitions, non-drop-frame timecode at the nominal integer rate) and an
/// OpenTimelineIO JSON timeline (one video track of clips referencing the media). Each file goes
/// through <see cref="OutputStaging"/>.
/// </summary>
public static class ShotExport
{
    /// <summary>One exported range.</summary>
    /// <param name="Name">Its label ("Shot 3", a chapter title).</param>
    /// <param name="StartFrame">First frame.</param>
    /// <param name="EndFrame">Frame after the last.</param>
    /// <param name="StartMs">Start (ms).</param>
    /// <param name="EndMs">End (ms, exclusive).</param>
    public sealed record Range(string Name, int StartFrame, int EndFrame, long StartMs, long EndMs);

    /// <summary>The shots as ranges.</summary>
    public static IReadOnlyList<Range> FromShots(IEnumerable<Shot> shots) =>
        shots.Select(s => new Range($"Shot {s.Index + 1}", s.StartFrame, s.EndFrame, s.StartMs, s.EndMs)).ToList();

    /// <summary>CSV with a header: <c>index,name,start_frame,end_frame,start_ms,end_ms,start,end,duration_ms</c> (times also as <c>H:MM:SS.mmm</c>).</summary>
    public static string Csv(IReadOnlyList<Range> ranges)
    {
        var sb = new StringBuilder("index,name,start_frame,end_frame,start_ms,end_ms,start,end,duration_ms\n");
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            sb.Append(CultureInfo.InvariantCulture, $"{i},\"{r.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{r.StartFrame},{r.EndFrame},{r.StartMs},{r.EndMs},{MediaTime.ToClock(r.StartMs)},{MediaTime.ToClock(r.EndMs)},{r.EndMs - r.StartMs}\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// A CMX 3600 EDL: one video cut event per range, source and record timecodes equal (the media
    /// laid out as it is), at the nominal rate <c>round(fps)</c> non-drop-frame, frame-exact from the frame indices.
    /// </summary>
    public static string Edl(IReadOnlyList<Range> ranges, string title, string sourceName, Rational frameRate)
    {
        var fps = (int)Math.Max(1, Math.Round(frameRate.IsPositive ? frameRate.ToDouble() : 25));
        var reel = "AX";
        var sb = new StringBuilder();
        sb.Append("TITLE: ").Append(Clean(title)).Append('\n').Append("FCM: NON-DROP FRAME\n\n");
        for (var i = 0; i < ranges.Count; i++)
        {
            var r = ranges[i];
            var tin = Timecode(r.StartFrame, fps);
            var tout = Timecode(r.EndFrame, fps);
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1:000}  {reel,-8} V     C        {tin} {tout} {tin} {tout}\n");
            sb.Append("* FROM CLIP NAME: ").Append(Clean(sourceName)).Append('\n');
            sb.Append("* COMMENT: ").Append(Clean(r.Name)).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>An OpenTimelineIO (<c>Timeline.1</c>) JSON document: one video track with a clip per range, rates exact as frames per second.</summary>
    public static string Otio(IReadOnlyList<Range> ranges, string title, string mediaPath, Rational frameRate, long durationMs)
    {
        var rate = frameRate.IsPositive ? frameRate.ToDouble() : 25;
        JsonObject Time(double frames) => new() { ["OTIO_SCHEMA"] = "RationalTime.1", ["rate"] = rate, ["value"] = frames };
        JsonObject Span(double start, double duration) => new() { ["OTIO_SCHEMA"] = "TimeRange.1", ["start_time"] = Time(start), ["duration"] = Time(duration) };
        var clips = new JsonArray();
        foreach (var r in ranges)
        {
            clips.Add(new JsonObject
            {
                ["OTIO_SCHEMA"] = "Clip.2",
                ["name"] = r.Name,
                ["source_range"] = Span(r.StartFrame, r.EndFrame - r.StartFrame),
                ["media_references"] = new JsonObject
                {
                    ["DEFAULT_MEDIA"] = new JsonObject
                    {
                        ["OTIO_SCHEMA"] = "ExternalReference.1",
                        ["target_url"] = new Uri(Path.GetFullPath(mediaPath)).AbsoluteUri,
                        ["available_range"] = Span(0, Math.Round(durationMs * rate / 1000.0)),
                    },
                },
                ["active_media_reference_key"] = "DEFAULT_MEDIA",
                ["metadata"] = new JsonObject { ["cutroom"] = new JsonObject { ["start_ms"] = r.StartMs, ["end_ms"] = r.EndMs } },
            });
        }
        var doc = new JsonObject
        {
            ["OTIO_SCHEMA"] = "Timeline.1",
            ["name"] = title,
            ["tracks"] = new JsonObject
            {
                ["OTIO_SCHEMA"] = "Stack.1",
                ["name"] = "tracks",
                ["children"] = new JsonArray(new JsonObject { ["OTIO_SCHEMA"] = "Track.1", ["name"] = "V1", ["kind"] = "Video", ["children"] = clips }),
            },
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file.</summary>
    /// <exception cref="Cutroom.Contract.Errors.JobInputException">The path is a folder.</exception>
    public static void Write(string path, string text)
    {
        using var staging = OutputStaging.ForFile(path);
        File.WriteAllText(staging.TempPath, text, new UTF8Encoding(false));
        staging.Commit();
    }

    internal static string Timecode(int frame, int fps) => string.Create(CultureInfo.InvariantCulture,
        $"{frame / (fps * 3600):00}:{frame / (fps * 60) % 60:00}:{frame / fps % 60:00}:{frame % fps:00}");

    private static string Clean(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
