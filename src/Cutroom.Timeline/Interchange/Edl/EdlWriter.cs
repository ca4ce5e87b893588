using System.Globalization;
using System.Text;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Interchange.Edl;

/// <summary>
/// Writes a draft as a CMX 3600 EDL, non-drop-frame at the draft's fps, record timecode from
/// 00:00:00:00. Events: the first video track (channel <c>V</c>), then the first and second
/// audio tracks (<c>A</c>, <c>A2</c>). Every event's reel is <c>AX</c> (file-based media) with
/// <c>* FROM CLIP NAME:</c> and <c>* SOURCE FILE:</c> comments naming it. A transition into a
/// segment is a dissolve event pair: the outgoing source at its out-point for zero frames, then
/// the incoming segment as <c>D</c> with the dissolve's frames, its record-in at its own start
/// (the draft blends over the incoming segment's first frames). Speed is written as an
/// <c>M2</c> line (the source rate in frames per second). Empty time has no event.
/// </summary>
internal static class EdlWriter
{
    private const string Reel = "AX";

    public static string Write(FramedDraft framed, Func<string, MediaReference> media)
    {
        var fps = framed.Grid.Fps;
        var sb = new StringBuilder();
        sb.Append("TITLE: ").Append(OneLine(framed.Title)).Append('\n');
        sb.Append("FCM: NON-DROP FRAME\n\n");
        var video = framed.Tracks.Where(t => t.Track.Type == TrackType.Video).ToList();
        var audio = framed.Tracks.Where(t => t.Track.Type == TrackType.Audio).ToList();
        var channels = new List<(FramedTrack Track, string Channel)>();
        if (video.Count > 0) channels.Add((video[0], "V"));
        if (audio.Count > 0) channels.Add((audio[0], "A"));
        if (audio.Count > 1) channels.Add((audio[1], "A2"));
        foreach (var t in video.Skip(1).Concat(audio.Skip(2)).Concat(framed.Tracks.Where(t => t.Track.Type == TrackType.Text)))
            if (t.Segments.Count > 0) framed.Losses.Add($"{t.Path}: a CMX 3600 EDL holds one video and two audio channels; track \"{t.Name}\" is not exported");
        var number = 0;
        foreach (var (track, channel) in channels)
        {
            FramedSegment? previous = null;
            foreach (var s in track.Segments)
            {
                number++;
                var reference = media(s.Segment.Src ?? "");
                var name = s.Segment.Meta.Label ?? reference.Name ?? s.Segment.Src ?? "";
                var sourceIn = s.Segment.IsStill ? 0 : s.In;
                var sourceOut = sourceIn + (s.Segment.IsStill ? s.Duration : s.SourceDuration);
                if (s.Transition > 0 && previous is { } from && from.End == s.Start)
                {
                    var fromOut = from.Segment.IsStill ? from.Duration : from.In + from.SourceDuration;
                    Line(sb, number, channel, "C", null, fromOut, fromOut, s.Start, s.Start, fps);
                    Line(sb, number, channel, "D", s.Transition, sourceIn, sourceOut, s.Start, s.End, fps);
                    var fromName = from.Segment.Meta.Label ?? media(from.Segment.Src ?? "").Name ?? from.Segment.Src ?? "";
                    sb.Append("* FROM CLIP NAME: ").Append(OneLine(fromName)).Append('\n');
                    sb.Append("* TO CLIP NAME: ").Append(OneLine(name)).Append('\n');
                    if (s.Segment.Meta.Transition!.Type is not ("fade" or "dissolve"))
                        framed.Losses.Add($"{s.Path}.m.tr.type: {s.Segment.Meta.Transition.Type} became a dissolve in the EDL");
                }
                else
                {
                    Line(sb, number, channel, "C", null, sourceIn, sourceOut, s.Start, s.End, fps);
                    sb.Append("* FROM CLIP NAME: ").Append(OneLine(name)).Append('\n');
                }
                if (s.Segment.Speed is { } sp && sp != 1 && !s.Segment.IsStill)
                    sb.Append(string.Create(CultureInfo.InvariantCulture, $"M2   {Reel,-8}       {fps * sp:000.0}                {Timecode.Of(sourceIn, fps)}\n"));
                sb.Append("* SOURCE FILE: ").Append(OneLine(reference.TargetUrl)).Append('\n');
                sb.Append('\n');
                previous = s;
            }
        }
        foreach (var s in framed.Tracks.SelectMany(t => t.Segments))
            if ((s.Segment.Meta.FadeInMs ?? 0) > 0 || (s.Segment.Meta.FadeOutMs ?? 0) > 0)
                framed.Losses.Add($"{s.Path}.m: fades are not exported to the EDL");
        return sb.ToString();
    }

    /// <summary>One event line: number, reel, channel, transition (with its frames for a dissolve), source in/out, record in/out.</summary>
    private static void Line(StringBuilder sb, int number, string channel, string transition, long? frames, long srcIn, long srcOut, long recIn, long recOut, int fps)
    {
        var length = frames is { } f ? f.ToString("000", CultureInfo.InvariantCulture) : "   ";
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $"{number:000}  {Reel,-8} {channel,-5} {transition,-4} {length} {Timecode.Of(srcIn, fps)} {Timecode.Of(srcOut, fps)} {Timecode.Of(recIn, fps)} {Timecode.Of(recOut, fps)}\n"));
    }

    /// <summary>A comment's text on one line: control characters (line breaks) become spaces; other text stays UTF-8 (CMX 3600 is ASCII, current NLEs read UTF-8 names).</summary>
    private static string OneLine(string text) =>
        new([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
}
