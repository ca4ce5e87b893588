using Cutroom.Agent.Sessions;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn;

/// <summary>The session as the rules see it: media by kind, the draft's main track, texts, music, canvas.</summary>
internal sealed class PlanContext(ISessionView session, string language)
{
    public ISessionView Session { get; } = session;

    public string Language { get; } = language;

    public Draft Draft => Session.Draft;

    public string T(string en, string zh) => Language == "zh" ? zh : en;

    private readonly List<string> _notes = [];

    /// <summary>What the user should know about how the message was read (a default chosen for them), in order, each once.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a note (once).</summary>
    public void Note(string text)
    {
        if (!_notes.Contains(text)) _notes.Add(text);
    }

    /// <summary>The segment an earlier clause of the message acted on ("speed up the second clip and mute it").</summary>
    public string? LastSegment { get; set; }

    public IReadOnlyList<SessionMedia> MediaOf(MediaKind kind) => [.. Session.Media.Where(m => m.Kind == kind)];

    /// <summary>Images that are logos by name (never slides of a slideshow).</summary>
    public IReadOnlyList<SessionMedia> Logos => [.. MediaOf(MediaKind.Image).Where(IsLogo)];

    public static bool IsLogo(SessionMedia m) => m.Kind == MediaKind.Image && (m.Stem.Contains("logo", StringComparison.Ordinal) || m.Stem.Contains("标志", StringComparison.Ordinal) || m.Stem.Contains("徽标", StringComparison.Ordinal));

    /// <summary>The first video track with segments (the main track), or null.</summary>
    public Track? MainTrack => Draft.Tracks.FirstOrDefault(t => t.Type == TrackType.Video && !t.Segments.IsDefaultOrEmpty);

    /// <summary>The main track's segments in time order.</summary>
    public IReadOnlyList<Segment> MainSegments => MainTrack is { } t ? [.. t.Segments.OrderBy(s => s.StartMs)] : [];

    /// <summary>Every text segment, title track first, then by start.</summary>
    public IReadOnlyList<(Track Track, Segment Segment)> Texts =>
        [.. Draft.Tracks.Where(t => t.Type == TrackType.Text).SelectMany(t => t.Segments.Select(s => (t, s))).OrderBy(p => p.s.StartMs).ThenBy(p => Draft.Tracks.IndexOf(p.t))];

    public Segment? MusicSegment =>
        Draft.Tracks.FirstOrDefault(t => t.Type == TrackType.Audio && (t.Meta.Role == TrackRoles.Music || string.Equals(t.Meta.Name, "BGM", StringComparison.OrdinalIgnoreCase) || string.Equals(t.Meta.Name, "Music", StringComparison.OrdinalIgnoreCase)))
            ?.Segments.FirstOrDefault();

    /// <summary>The logo overlay: a segment on a track named Logo, or whose media is a logo.</summary>
    public Segment? LogoSegment => Draft.Tracks.Where(t => t.Type == TrackType.Video)
        .SelectMany(t => t.Segments.Select(s => (t, s)))
        .Where(p => string.Equals(p.t.Meta.Name, "Logo", StringComparison.OrdinalIgnoreCase) || p.s.Src is { } src && Session.Media.FirstOrDefault(m => m.Id == src) is { } m && IsLogo(m))
        .Select(p => p.s).FirstOrDefault();

    public int ShortSide => Math.Min(Draft.Width, Draft.Height);

    /// <summary>The current size of a text (its own, else the edits' default).</summary>
    public double TextSize(Segment s) => s.Meta.Size ?? DraftEdits.DefaultTextSize(Draft);

    public long DurationMs => DraftDuration.Compute(Draft);

    public string NameOf(string mediaId) => Session.Media.FirstOrDefault(m => m.Id == mediaId)?.Name ?? mediaId;
}
