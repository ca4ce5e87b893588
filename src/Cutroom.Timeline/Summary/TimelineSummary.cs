using System.Globalization;
using System.Text;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Summary;

/// <summary>
/// The one-line timeline summary of api-contract.md §6 (the seeds' "show tracks" answer):
/// <c>Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)</c>.
/// <list type="bullet">
/// <item>Tracks in draft order, numbered from 1, as <c>N. NAME: ITEMS</c>; NAME is <c>m.name</c>, else
/// "BGM"/"Voice" for a music/voice role, else Video, Audio or Text by type ("Track" for unknown types).</item>
/// <item>Items in start order, joined with ", "; an empty track reads "empty"; after 5 items the rest
/// are counted ("… +3 more").</item>
/// <item>A text item is its text in double quotes (line breaks as spaces, cut at 40 characters with "…");
/// any other item is <c>m.label</c>, else the media's name (from the lookup), else <c>src</c>.</item>
/// <item>Times as <c>(START-ENDs)</c> in seconds: whole seconds without decimals, otherwise up to three
/// decimals without trailing zeros (1500 ms is "1.5", 1234 ms "1.234").</item>
/// <item>Audio-track items always show the volume as a whole percent ("35%"); video items show it only
/// when not 100% ("muted" at 0); a speed other than 1 shows as "2x".</item>
/// </list>
/// "1 track" is singular; a draft without tracks reads <c>Timeline (0 tracks): empty</c>.
/// </summary>
public static class TimelineSummary
{
    /// <summary>Items listed per track before the rest are only counted.</summary>
    public const int MaxItemsPerTrack = 5;

    /// <summary>Longest text shown for a text item, in characters.</summary>
    public const int MaxTextChars = 40;

    /// <summary>The summary line.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="mediaName">Optional lookup of a media id's display name (from the session's media bin).</param>
    public static string Of(Draft draft, Func<string, string?>? mediaName = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var n = draft.Tracks.Length;
        var sb = new StringBuilder($"Timeline ({n} {(n == 1 ? "track" : "tracks")}):");
        if (n == 0) return sb.Append(" empty").ToString();
        for (var i = 0; i < n; i++)
        {
            var track = draft.Tracks[i];
            sb.Append(CultureInfo.InvariantCulture, $" {i + 1}. {TrackName(track)}: ");
            var items = track.Segments.OrderBy(s => s.StartMs).ToList();
            if (items.Count == 0) sb.Append("empty");
            sb.AppendJoin(", ", items.Take(MaxItemsPerTrack).Select(s => Item(track, s, mediaName)));
            if (items.Count > MaxItemsPerTrack) sb.Append(CultureInfo.InvariantCulture, $", … +{items.Count - MaxItemsPerTrack} more");
        }
        return sb.ToString();
    }

    /// <summary>The display name of a track (see the class remarks for the fallbacks).</summary>
    public static string TrackName(Track track)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!string.IsNullOrWhiteSpace(track.Meta.Name)) return track.Meta.Name.Trim();
        return track.Meta.Role switch
        {
            TrackRoles.Music => "BGM",
            TrackRoles.Voice => "Voice",
            _ => track.Type switch
            {
                TrackType.Video => "Video",
                TrackType.Audio => "Audio",
                TrackType.Text => "Text",
                _ => "Track",
            },
        };
    }

    /// <summary>Seconds for people: <c>10</c>, <c>1.5</c>, <c>1.234</c> (invariant culture).</summary>
    public static string Seconds(long milliseconds) => (milliseconds / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Item(Track track, Segment s, Func<string, string?>? mediaName)
    {
        var name = track.Type == TrackType.Text && !string.IsNullOrWhiteSpace(s.Meta.Text)
            ? $"\"{Shorten(s.Meta.Text)}\""
            : FirstNonBlank(s.Meta.Label, s.Src is null ? null : mediaName?.Invoke(s.Src), s.Src) ?? "untitled";
        var details = new List<string> { $"{Seconds(s.StartMs)}-{Seconds(s.EndMs)}s" };
        if (track.Type != TrackType.Text)
        {
            if (s.SpeedFactor != 1.0) details.Add(string.Create(CultureInfo.InvariantCulture, $"{s.SpeedFactor:0.##}x"));
            if (track.Type == TrackType.Audio || s.VolumeFactor != 1.0)
                details.Add(s.VolumeFactor == 0 && track.Type != TrackType.Audio ? "muted" : Percent(s.VolumeFactor));
        }
        return $"{name} ({string.Join(", ", details)})";
    }

    private static string Percent(double factor) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(factor * 100, MidpointRounding.AwayFromZero):0}%");

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= MaxTextChars ? flat : flat[..(MaxTextChars - 1)].TrimEnd() + "…";
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
