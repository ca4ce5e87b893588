using Cutroom.Engine.Analysis;

namespace Cutroom.Engine.Summary;

/// <summary>A chapter: a run of shots (or, without video, of audio between pauses).</summary>
/// <param name="Index">0-based position.</param>
/// <param name="StartMs">Start (ms).</param>
/// <param name="EndMs">End (ms, exclusive).</param>
/// <param name="FirstShot">Index of its first shot (-1 without video).</param>
/// <param name="ShotCount">Shots in it (0 without video).</param>
/// <param name="Thumbnail">The representative frame's file name in the summary folder (null without video).</param>
public sealed record Chapter(int Index, long StartMs, long EndMs, int FirstShot, int ShotCount, string? Thumbnail);

/// <summary>
/// Groups shots into 3-12 chapters (about one per minute, at most one per shot). Segments start as
/// the shots; the two neighbours that are most alike are merged until the target count is reached.
/// Likeness is the difference in brightness (/255) and motion (/20) of the two segments, plus a
/// penalty when a pause of a second or more separates them (chapters like to change at a pause), and
/// a cost for size (so chapters stay balanced). Without video, segments are the sounding stretches
/// between silences, else equal parts.
/// </summary>
public static class ChapterBuilder
{
    /// <summary>Fewest chapters (when the media allows).</summary>
    public const int MinChapters = 3;
    /// <summary>Most chapters.</summary>
    public const int MaxChapters = 12;

    /// <summary>Builds the chapters of <paramref name="record"/>.</summary>
    public static IReadOnlyList<Chapter> Build(AnalysisRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var duration = record.DurationMs;
        var target = (int)Math.Clamp(Math.Round(duration / 60_000.0), MinChapters, MaxChapters);

        // Segments: (start, end, brightness, motion, firstShot, shotCount).
        var segments = new List<Segment>();
        if (record.Shots.Count > 0)
            segments.AddRange(record.Shots.Select(s => new Segment(s.StartMs, s.EndMs, s.Brightness, s.Motion, s.Index, 1)));
        else
        {
            var cuts = record.Silences.Where(s => s.DurationMs >= 1000 && s.StartMs > 0 && s.EndMs < duration).Select(s => (s.StartMs + s.EndMs) / 2).ToList();
            var bounds = new List<long> { 0 };
            bounds.AddRange(cuts);
            bounds.Add(duration);
            for (var i = 0; i + 1 < bounds.Count; i++) segments.Add(new Segment(bounds[i], bounds[i + 1], 0, 0, -1, 0));
        }
        // Too few segments: split the longest until there are enough (each at least 1 s).
        while (segments.Count < Math.Min(target, MinChapters))
        {
            var longest = segments.MaxBy(s => s.End - s.Start)!;
            if (longest.End - longest.Start < 2000) break;
            var i = segments.IndexOf(longest);
            var mid = (longest.Start + longest.End) / 2;
            // Both halves lie in the same shot (or stretch of audio).
            segments[i] = longest with { End = mid };
            segments.Insert(i + 1, longest with { Start = mid });
        }
        // Too many: merge the most alike neighbours.
        while (segments.Count > target)
        {
            var best = 0; var bestCost = double.MaxValue;
            for (var i = 0; i + 1 < segments.Count; i++)
            {
                var a = segments[i]; var b = segments[i + 1];
                var pause = record.Silences.Any(s => s.DurationMs >= 1000 && s.StartMs <= b.Start + 500 && s.EndMs >= b.Start - 500) ? 0.5 : 0;
                var size = (double)(b.End - a.Start) / Math.Max(1, duration) * target;
                var cost = Math.Abs(a.Brightness - b.Brightness) / 255 + Math.Abs(a.Motion - b.Motion) / 20 + pause + size;
                if (cost < bestCost) { bestCost = cost; best = i; }
            }
            var x = segments[best]; var y = segments[best + 1];
            var wx = x.End - x.Start; var wy = y.End - y.Start; var w = Math.Max(1, wx + wy);
            segments[best] = new Segment(x.Start, y.End, (x.Brightness * wx + y.Brightness * wy) / w, (x.Motion * wx + y.Motion * wy) / w,
                x.FirstShot, x.Shots + y.Shots);
            segments.RemoveAt(best + 1);
        }
        return segments.Select((s, i) => new Chapter(i, s.Start, s.End, s.FirstShot, s.Shots, null)).ToList();
    }

    private sealed record Segment(long Start, long End, double Brightness, double Motion, int FirstShot, int Shots);
}
