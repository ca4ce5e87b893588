using System.Globalization;
using Cutroom.Engine.Analysis;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Highlights;

/// <summary>A highlight chosen but not yet cut.</summary>
/// <param name="StartMs">Start (ms).</param>
/// <param name="EndMs">End (ms, exclusive).</param>
/// <param name="Score">Interest 0-100 (mean of the per-second interest over the clip).</param>
/// <param name="Reasons">Why it was chosen, in words.</param>
public sealed record PlannedClip(long StartMs, long EndMs, double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Chooses highlight moments from an <see cref="AnalysisRecord"/> (no I/O).
/// <para>
/// Every second gets an interest value: 0.45 × loudness above the file's typical level (momentary
/// loudness minus the median of the non-silent seconds, 10 LU = 1) + 0.25 × speech likelihood +
/// 0.15 × motion (relative to the file's 90th percentile) + 0.15 × a shot change in that second −
/// 0.3 × the share of the second that is silent; without audio only motion (0.6) and shot changes
/// (0.4) count. Candidate windows start on every second with lengths from min to max in 5 s steps;
/// a window scores its mean interest plus a small bonus for length (0.05 at max), so a longer clip
/// wins only when it stays as interesting. The best windows are taken greedily without overlap.
/// Each start and end is then moved (by at most 3 s, within min/max) to the nearest silence, else to a
/// shot change where the audio is quiet, else to a pause between syllables (20 ms audio levels within
/// 12 dB of the file's noise floor for ±40 ms), so that no clip starts or ends inside a word.
/// </para>
/// </summary>
public static class HighlightPicker
{
    internal const int SnapReachMs = 3000;

    /// <summary>Chooses up to <paramref name="count"/> clips of <paramref name="minMs"/>-<paramref name="maxMs"/> ms.</summary>
    /// <param name="record">The analysis.</param>
    /// <param name="count">Clips wanted (≥ 1).</param>
    /// <param name="minMs">Shortest clip (ms).</param>
    /// <param name="maxMs">Longest clip (ms).</param>
    /// <param name="notes">Receives explanations (why fewer clips, where a boundary could not avoid speech).</param>
    /// <returns>The clips, best first.</returns>
    public static IReadOnlyList<PlannedClip> Pick(AnalysisRecord record, int count, long minMs, long maxMs, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(notes);
        var duration = record.DurationMs;
        var n = (int)Math.Max(1, (duration + 999) / 1000);
        var interest = Interest(record, n, out var loudScore);
        var levels = record.LevelDb20Ms;
        var quietDb = levels.Count == 0 ? double.NegativeInfinity : SpeechFeatures.Percentile(levels, 0.10) + 12;

        var fit = (int)Math.Min(count, duration / minMs);
        if (fit < count)
            notes.Add($"the video is {MediaTime.ToClock(duration)} long: there is room for {fit} clip(s) of at least {Seconds(minMs)}, {count} asked");

        // Prefix sums of interest for O(1) window means.
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++) prefix[i + 1] = prefix[i] + interest[i];
        var minS = (int)Math.Max(1, minMs / 1000);
        var maxS = (int)Math.Max(minS, Math.Min(maxMs / 1000, duration / 1000));
        var candidates = new List<(int Start, int Length, double Score)>();
        for (var len = minS; len <= maxS; len = len == maxS ? maxS + 1 : Math.Min(maxS, len + 5))
            for (var s = 0; s + len <= Math.Max(n, len) && s + len <= n; s++)
                candidates.Add((s, len, (prefix[s + len] - prefix[s]) / len + 0.05 * (len - minS) / Math.Max(1, maxS - minS)));
        if (candidates.Count == 0 && duration >= minMs) candidates.Add((0, n, prefix[n] / n));
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));

        var chosen = new List<(long Start, long End, double Score)>();
        foreach (var c in candidates)
        {
            if (chosen.Count >= fit) break;
            long start = c.Start * 1000L, end = Math.Min(duration, (c.Start + c.Length) * 1000L);
            if (end - start < minMs) continue;
            if (chosen.Any(k => start < k.End + 1000 && k.Start < end + 1000)) continue;
            chosen.Add((start, end, c.Score));
        }
        if (chosen.Count < fit)
            notes.Add($"only {chosen.Count} non-overlapping moment(s) of at least {Seconds(minMs)} fit in the video");

        var result = new List<PlannedClip>();
        foreach (var (start0, end0, score) in chosen)
        {
            var others = chosen.Where(k => k.Start != start0).ToList();
            var reasons = new List<string>();
            var start = Snap(record, start0, isStart: true, Math.Max(0, end0 - maxMs), end0 - minMs, quietDb, others, reasons, notes);
            var end = Snap(record, end0, isStart: false, start + minMs, Math.Min(duration, start + maxMs), quietDb, others, reasons, notes);
            reasons.InsertRange(0, Describe(record, start, end, interest, loudScore));
            var first = (int)(start / 1000); var last = (int)Math.Min(n, Math.Max(first + 1, (end + 999) / 1000));
            var mean = (prefix[last] - prefix[first]) / Math.Max(1, last - first);
            result.Add(new PlannedClip(start, end, Math.Round(Math.Clamp(mean, 0, 1) * 100, 1), reasons));
        }
        return result.OrderByDescending(c => c.Score).ToList();
    }

    /// <summary>Per-second interest (see the class summary); <paramref name="loudScore"/> gets the loudness part alone.</summary>
    internal static double[] Interest(AnalysisRecord r, int n, out double[] loudScore)
    {
        loudScore = new double[n];
        var interest = new double[n];
        var hasAudio = r.HasAudio && r.LoudnessLufs.Count > 0;
        var audible = r.LoudnessLufs.Where(v => v > -70).Order().ToList();
        var typical = audible.Count == 0 ? -70 : audible[audible.Count / 2];
        var motionRef = r.Motion.Count == 0 ? 1 : Math.Max(0.5, r.Motion.Order().ElementAt((int)(0.9 * (r.Motion.Count - 1))));
        var cuts = new int[n];
        foreach (var s in r.Shots.Skip(1)) cuts[Math.Min(n - 1, (int)(s.StartMs / 1000))]++;
        var silent = new double[n];
        foreach (var range in r.Silences)
            for (var sec = (int)(range.StartMs / 1000); sec <= Math.Min(n - 1, (range.EndMs - 1) / 1000); sec++)
                silent[sec] += (Math.Min(range.EndMs, (sec + 1) * 1000L) - Math.Max(range.StartMs, sec * 1000L)) / 1000.0;
        for (var i = 0; i < n; i++)
        {
            var motion = i < r.Motion.Count ? Math.Clamp(r.Motion[i] / motionRef, 0, 1) : 0;
            var cut = cuts[i] > 0 ? 1 : 0;
            if (hasAudio)
            {
                var loud = i < r.LoudnessLufs.Count && r.LoudnessLufs[i] > -70 ? Math.Clamp((r.LoudnessLufs[i] - typical) / 10, 0, 1) : 0;
                loudScore[i] = loud;
                var speech = i < r.Speech.Count ? r.Speech[i] : 0;
                interest[i] = 0.45 * loud + 0.25 * speech + 0.15 * motion + 0.15 * cut - 0.3 * Math.Clamp(silent[i], 0, 1);
            }
            else interest[i] = 0.6 * motion + 0.4 * cut;
        }
        // Smooth over 3 s so that a moment's lead-in and aftermath count with it.
        var smooth = new double[n];
        for (var i = 0; i < n; i++)
        {
            double sum = 0; var k = 0;
            for (var j = Math.Max(0, i - 1); j <= Math.Min(n - 1, i + 1); j++) { sum += interest[j] * (j == i ? 2 : 1); k += j == i ? 2 : 1; }
            smooth[i] = sum / k;
        }
        return smooth;
    }

    private static IEnumerable<string> Describe(AnalysisRecord r, long start, long end, double[] interest, double[] loudScore)
    {
        var from = (int)(start / 1000); var to = (int)Math.Min(interest.Length, Math.Max(from + 1, (end + 999) / 1000));
        if (r.HasAudio && r.LoudnessLufs.Count > 0)
        {
            var peak = Enumerable.Range(from, to - from).Where(i => i < r.LoudnessLufs.Count).DefaultIfEmpty(from).MaxBy(i => i < r.LoudnessLufs.Count ? r.LoudnessLufs[i] : -70);
            var globalPeak = r.LoudnessLufs.Max();
            if (peak < r.LoudnessLufs.Count && r.LoudnessLufs[peak] >= globalPeak - 0.5 && globalPeak > -70)
                yield return string.Create(CultureInfo.InvariantCulture, $"loudest moment of the video at {MediaTime.FromSeconds(peak).ToClock()} ({r.LoudnessLufs[peak]:0} LUFS)");
            else if (peak < loudScore.Length && loudScore[peak] >= 0.5)
                yield return string.Create(CultureInfo.InvariantCulture, $"loud moment at {MediaTime.FromSeconds(peak).ToClock()} ({loudScore[peak] * 10:0} dB above the typical level)");
            var speech = Enumerable.Range(from, to - from).Where(i => i < r.Speech.Count).Select(i => r.Speech[i]).DefaultIfEmpty(0).Average();
            if (speech >= 0.5) yield return "continuous speech";
            else if (speech >= 0.2) yield return "some speech";
        }
        var changes = r.Shots.Skip(1).Count(s => s.StartMs > start && s.StartMs < end);
        if (changes > 0) yield return changes == 1 ? "1 shot change" : $"{changes} shot changes";
        if (r.Motion.Count > 0)
        {
            var motionRef = Math.Max(0.5, r.Motion.Order().ElementAt((int)(0.9 * (r.Motion.Count - 1))));
            var motion = Enumerable.Range(from, to - from).Where(i => i < r.Motion.Count).Select(i => r.Motion[i]).DefaultIfEmpty(0).Average();
            if (motion >= 0.6 * motionRef && motion > 1) yield return "lots of movement";
        }
    }

    /// <summary>Moves a boundary to a pause (silence, a quiet shot change, or a gap between syllables) within reach and within [lo, hi].</summary>
    private static long Snap(AnalysisRecord r, long t, bool isStart, long lo, long hi, double quietDb,
        List<(long Start, long End, double Score)> others, List<string> reasons, ICollection<string> notes)
    {
        lo = Math.Max(Math.Max(0, lo), t - SnapReachMs);
        hi = Math.Min(Math.Min(r.DurationMs, hi), t + SnapReachMs);
        if (lo > hi) return Math.Clamp(t, 0, r.DurationMs);
        bool Free(long x) => !others.Any(o => x > o.Start - 500 && x < o.End + 500);
        var options = new List<(long At, double Cost, string Why)>();
        var levels = r.LevelDb20Ms;
        var hasAudio = levels.Count > 0;

        // Silences: a start just before speech resumes, an end just after it stops.
        foreach (var s in r.Silences)
        {
            var at = isStart ? Math.Max(s.StartMs, s.EndMs - 150) : Math.Min(s.EndMs, s.StartMs + 150);
            if (at >= lo && at <= hi) options.Add((at, Math.Abs(at - t), isStart ? "starts after a pause" : "ends at a pause"));
        }
        // Shot changes where the audio is quiet (or there is no audio).
        foreach (var shot in r.Shots.Skip(1))
            if (shot.StartMs >= lo && shot.StartMs <= hi && (!hasAudio || Quiet(levels, shot.StartMs, quietDb)))
                options.Add((shot.StartMs, Math.Abs(shot.StartMs - t) + 300, isStart ? "starts at a shot change" : "ends at a shot change"));
        // Gaps between syllables.
        if (hasAudio)
        {
            for (var at = lo - lo % 20; at <= hi; at += 20)
                if (at >= lo && Quiet(levels, at, quietDb)) options.Add((at, Math.Abs(at - t) + 800, isStart ? "starts between words" : "ends between words"));
        }
        var best = options.Where(o => Free(o.At)).OrderBy(o => o.Cost).FirstOrDefault();
        if (best.Why is not null)
        {
            if (!reasons.Contains(best.Why)) reasons.Add(best.Why);
            return best.At;
        }
        if (!hasAudio) return Math.Clamp(t, lo, hi);
        // No pause within reach: the quietest 20 ms point.
        var quietest = t; var min = double.MaxValue;
        for (var at = lo - lo % 20; at <= hi; at += 20)
            if (at >= lo && LevelAt(levels, at) < min) { min = LevelAt(levels, at); quietest = at; }
        notes.Add($"no pause near {MediaTime.ToClock(t)}: the clip {(isStart ? "starts" : "ends")} at the quietest point, {MediaTime.ToClock(quietest)}");
        return quietest;
    }

    /// <summary>True when every 20 ms level within ±40 ms of <paramref name="ms"/> is at or below <paramref name="quietDb"/>.</summary>
    internal static bool Quiet(IReadOnlyList<float> levels, long ms, double quietDb)
    {
        var centre = (int)(ms / 20);
        for (var i = centre - 2; i <= centre + 2; i++)
            if (i >= 0 && i < levels.Count && levels[i] > quietDb) return false;
        return true;
    }

    private static double LevelAt(IReadOnlyList<float> levels, long ms)
    {
        var i = (int)(ms / 20);
        return i >= 0 && i < levels.Count ? levels[i] : -100;
    }

    private static string Seconds(long ms) => string.Create(CultureInfo.InvariantCulture, $"{MediaTime.FromMilliseconds(ms).TotalSeconds:0.#} s");
}
