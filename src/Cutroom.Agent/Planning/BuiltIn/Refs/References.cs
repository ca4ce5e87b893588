using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Sessions;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Refs;

/// <summary>A reference resolved to one thing, to nothing, or to several (then the planner asks).</summary>
internal sealed record Resolved<T>(T? Value, bool Ambiguous) where T : class
{
    public static Resolved<T> None { get; } = new(null, false);

    public static Resolved<T> Many { get; } = new(null, true);

    public static Resolved<T> One(T value) => new(value, false);
}

/// <summary>
/// Resolves what a clause names among the uploads (for jobs) and among the draft's segments (for
/// edits): by file name (all words of its name, e.g. "the beach clip" → beach.mp4, "b-roll" →
/// broll.mp4), by order and kind ("the second photo", "第三段"), by kind alone when only one fits
/// ("this video", "the logo", "the music"); among several videos none of which is named, the latest
/// upload (with a note in the reply); else ambiguous.
/// </summary>
internal static class References
{
    /// <summary>Uploads whose name the clause mentions, in the order they are mentioned.</summary>
    public static List<SessionMedia> Named(Clause c, IEnumerable<SessionMedia> media)
    {
        var text = " " + c.Text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + " ";
        var hits = new List<(SessionMedia Media, int At)>();
        foreach (var m in media)
        {
            var name = m.Name.ToLowerInvariant();
            var full = c.Text.IndexOf(name, StringComparison.Ordinal);
            if (full >= 0) { hits.Add((m, full)); continue; }
            var words = m.Stem.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            var joined = string.Concat(words);
            var at = joined.Length >= 4 ? Word(text, joined) : -1;
            if (at < 0 && words.All(w => w.Length >= 2 && Word(text, w) >= 0)) at = words.Min(w => Word(text, w));
            if (at >= 0) hits.Add((m, at));
        }
        return [.. hits.OrderBy(h => h.At).Select(h => h.Media)];
    }

    private static int Word(string text, string w)
    {
        var i = text.IndexOf(w, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]);
            var end = i + w.Length;
            var after = end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (before && after || !char.IsAsciiLetter(w[0])) return i;
            i = text.IndexOf(w, i + 1, StringComparison.Ordinal);
        }
        return -1;
    }

    /// <summary>The upload of one of <paramref name="kinds"/> the clause refers to.</summary>
    public static Resolved<SessionMedia> Media(Clause c, PlanContext ctx, params MediaKind[] kinds)
    {
        var candidates = ctx.Session.Media.Where(m => kinds.Contains(m.Kind)).ToList();
        var named = Named(c, candidates);
        if (named.Count == 1) return Resolved<SessionMedia>.One(named[0]);
        var pool = named.Count > 1 ? named : candidates;
        foreach (var (index, noun, _) in Ordinals.All(c))
        {
            var ofNoun = noun switch
            {
                Noun.Photo => pool.Where(m => m.Kind == MediaKind.Image && !PlanContext.IsLogo(m)).ToList(),
                Noun.Clip or Noun.Video => pool.Where(m => m.Kind == MediaKind.Video).ToList(),
                _ => pool,
            };
            var i = index < 0 ? ofNoun.Count + index : index;
            if (i >= 0 && i < ofNoun.Count) return Resolved<SessionMedia>.One(ofNoun[i]);
        }
        if (named.Count > 1) return Resolved<SessionMedia>.Many;
        if (candidates.Count == 1) return Resolved<SessionMedia>.One(candidates[0]);
        // Several videos and none named: the latest upload is the one meant (the seeds' "my video" after a second upload); the reply says so.
        if (kinds is [MediaKind.Video] && candidates.Count > 1)
        {
            var latest = candidates[^1];
            ctx.Note(ctx.T($"I used {latest.Name}, your latest upload; name another video to use it instead.",
                $"使用的是最新上传的 {latest.Name}；如需其他视频，请说出它的文件名。"));
            return Resolved<SessionMedia>.One(latest);
        }
        var nonLogo = candidates.Where(m => !PlanContext.IsLogo(m)).ToList();
        if (nonLogo.Count == 1 && kinds.Contains(MediaKind.Image)) return Resolved<SessionMedia>.One(nonLogo[0]);
        return candidates.Count == 0 ? Resolved<SessionMedia>.None : Resolved<SessionMedia>.Many;
    }

    /// <summary>The segment of the main video track the clause refers to (by media name, order and kind, or the only one).</summary>
    public static Resolved<Segment> Visual(Clause c, PlanContext ctx, bool allowOnly = true)
    {
        var segments = ctx.Draft.Tracks.Where(t => t.Type == TrackType.Video).SelectMany(t => t.Segments).ToList();
        var main = ctx.MainSegments;
        if (c.Has("logo", "标志", "徽标") && ctx.LogoSegment is { } logo) return Resolved<Segment>.One(logo);
        var named = Named(c, ctx.Session.Media.Where(m => m.Kind != MediaKind.Audio));
        if (named.Count > 0)
        {
            var hits = main.Where(s => named.Any(m => m.Id == s.Src)).ToList();
            if (hits.Count == 0) hits = [.. segments.Where(s => named.Any(m => m.Id == s.Src))];
            if (hits.Count == 1 || hits.Count > 1 && hits.Select(h => h.Src).Distinct().Count() > 1) return Resolved<Segment>.One(hits.OrderBy(h => named.FindIndex(m => m.Id == h.Src)).First());
            if (hits.Count > 1 && Ordinals.All(c).Count == 0) return Resolved<Segment>.Many;
        }
        if (ctx.LastSegment is { } last && Ordinals.All(c).Count == 0 && c.Has("it", "this one", "that one", "it's", "它", "这段", "这一段")
            && segments.FirstOrDefault(s => s.Id == last) is { } earlier)
            return Resolved<Segment>.One(earlier);
        foreach (var (index, noun, _) in Ordinals.All(c))
        {
            var ofNoun = noun switch
            {
                Noun.Photo => main.Where(s => s.IsStill).ToList(),
                Noun.Clip or Noun.Video => main.Where(s => !s.IsStill).ToList(),
                _ => main.ToList(),
            };
            if (ofNoun.Count == 0) ofNoun = [.. main];
            var i = index < 0 ? ofNoun.Count + index : index;
            if (i >= 0 && i < ofNoun.Count) return Resolved<Segment>.One(ofNoun[i]);
        }
        if (allowOnly && main.Count == 1) return Resolved<Segment>.One(main[0]);
        return main.Count == 0 ? Resolved<Segment>.None : Resolved<Segment>.Many;
    }

    /// <summary>The text the clause refers to: "the title" (a track named Title, else the first text), "the second caption", "the text" when there is one.</summary>
    public static Resolved<Segment> Text(Clause c, PlanContext ctx)
    {
        var texts = ctx.Texts;
        if (texts.Count == 0) return Resolved<Segment>.None;
        var captions = texts.Where(p => p.Track.Meta.Name is { } n && (n.Contains("caption", StringComparison.OrdinalIgnoreCase) || n.Contains("subtitle", StringComparison.OrdinalIgnoreCase) || n.Contains("字幕", StringComparison.Ordinal))).ToList();
        var quoted = c.AllQuotes;
        var byText = texts.Where(p => quoted.Any(q => string.Equals(q, p.Segment.Meta.Text, StringComparison.OrdinalIgnoreCase))).ToList();
        if (byText.Count == 1) return Resolved<Segment>.One(byText[0].Segment);
        if (c.Has("caption", "captions", "subtitle", "subtitles", "字幕") && captions.Count > 0)
        {
            foreach (var (index, _, _) in Ordinals.All(c))
            {
                var i = index < 0 ? captions.Count + index : index;
                if (i >= 0 && i < captions.Count) return Resolved<Segment>.One(captions[i].Segment);
            }
            return captions.Count == 1 ? Resolved<Segment>.One(captions[0].Segment) : Resolved<Segment>.Many;
        }
        if (c.Has("title", "titles", "heading", "标题", "题目"))
        {
            var titled = texts.Where(p => string.Equals(p.Track.Meta.Name, "Title", StringComparison.OrdinalIgnoreCase) || p.Track.Meta.Name == "标题").ToList();
            if (titled.Count > 0) return Resolved<Segment>.One(titled[0].Segment);
            var notCaptions = texts.Where(p => !captions.Contains(p)).ToList();
            return Resolved<Segment>.One((notCaptions.Count > 0 ? notCaptions : texts)[0].Segment);
        }
        foreach (var (index, _, _) in Ordinals.All(c))
        {
            var i = index < 0 ? texts.Count + index : index;
            if (i >= 0 && i < texts.Count) return Resolved<Segment>.One(texts[i].Segment);
        }
        return texts.Count == 1 ? Resolved<Segment>.One(texts[0].Segment) : Resolved<Segment>.Many;
    }
}
