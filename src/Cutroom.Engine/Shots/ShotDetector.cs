namespace Cutroom.Engine.Shots;

/// <summary>
/// Finds shot boundaries in the per-frame measurements of a video (<see cref="FrameFeatures"/>,
/// made by <see cref="FeatureExtractor"/>, possibly by several decoders on parts of the video).
/// <para>
/// Each frame has a content difference to the previous one: the mean absolute HSV difference of
/// PySceneDetect's ContentDetector (Castellano, PySceneDetect, <c>scenedetect/detectors/content_detector.py</c>).
/// A frame starts a new shot when that difference is at least <see cref="ShotDetectorOptions.MinContent"/>
/// (<see cref="ShotDetectorOptions.StillMinContent"/> between still pictures, such as slides)
/// and stands out from its neighbours (two frames each side) by <see cref="ShotDetectorOptions.AdaptiveRatio"/>,
/// or, when it is large (<see cref="ShotDetectorOptions.StrongContent"/>), by <see cref="ShotDetectorOptions.StrongRatio"/>
/// — the rolling-average idea of PySceneDetect's AdaptiveDetector, which keeps fast motion from being cut up.
/// Then three guards: a flash (one or two frames unlike their neighbours while the frames around
/// them match — to within <see cref="ShotDetectorOptions.FlashMatch"/> or a third of the jump into the flash) is not a cut; two cuts closer than <see cref="ShotDetectorOptions.MinShotFrames"/>
/// keep only the stronger; between two dark frames only brightness counts (hue and saturation of
/// near-black pixels are noise). A run of black frames between content is a fade: one boundary in
/// its middle, unless a hard cut was found at its edges. Dissolves are not detected.
/// </para>
/// </summary>
internal static class ShotDetector
{
    /// <summary>The boundaries among <paramref name="frames"/> (consecutive frames in presentation order), in frame order.</summary>
    /// <param name="frames">Per-frame measurements; index = position among the analysed frames.</param>
    /// <param name="options">Thresholds; the same ones the features were extracted with.</param>
    public static IReadOnlyList<ShotBoundary> Detect(IReadOnlyList<FrameFeatures> frames, ShotDetectorOptions options)
    {
        var cuts = new List<ShotBoundary>();
        for (var i = 1; i < frames.Count; i++) Evaluate(frames, i, options, cuts);

        var all = new List<ShotBoundary>(cuts);
        foreach (var (start, end) in BlackRuns(frames, options))
        {
            if (cuts.Any(c => c.Frame >= start - 2 && c.Frame <= end + 2)) continue;
            var middle = (start + end) / 2;
            if (all.Any(c => Math.Abs(c.Frame - middle) < options.MinShotFrames)) continue;
            var score = 0.0;
            for (var k = start; k <= Math.Min(end, frames.Count - 1); k++) score = Math.Max(score, frames[k].Content);
            all.Add(new ShotBoundary(middle, score, TransitionKind.Fade));
        }
        all.Sort((a, b) => a.Frame.CompareTo(b.Frame));
        return all;
    }

    /// <summary>Runs [start, end) of frames darker than <see cref="ShotDetectorOptions.BlackLuma"/> with content before them (a fade out, or a fade in after one).</summary>
    private static IEnumerable<(int Start, int End)> BlackRuns(IReadOnlyList<FrameFeatures> frames, ShotDetectorOptions o)
    {
        var start = -1;
        for (var j = 0; j < frames.Count; j++)
        {
            var black = frames[j].MeanLuma < o.BlackLuma;
            if (black && start < 0) start = j;
            else if (!black && start >= 0)
            {
                if (start > 0) yield return (start, j);
                start = -1;
            }
        }
    }

    private static void Evaluate(IReadOnlyList<FrameFeatures> frames, int i, ShotDetectorOptions o, List<ShotBoundary> cuts)
    {
        double s = frames[i].Content;
        if (s < Math.Min(o.MinContent, o.StillMinContent)) return;

        double sum = 0; var n = 0;
        foreach (var k in (ReadOnlySpan<int>)[i - 2, i - 1, i + 1, i + 2])
            if (k >= 1 && k < frames.Count) { sum += frames[k].Content; n++; }
        var around = n == 0 ? 0 : sum / n;
        var ratio = s / Math.Max(around, 0.5);
        if (!(ratio >= o.AdaptiveRatio || (s >= o.StrongContent && ratio >= o.StrongRatio))) return;
        if (s < o.MinContent && !(around < 1 && s >= o.StillMinContent)) return;

        // A flash starting here: the frame after it matches the frame before (far better than either matches the flash).
        var match = Math.Max(o.FlashMatch, s / 3);
        for (var f = 1; f <= o.MaxFlashFrames; f++)
            if (i + f < frames.Count && frames[i].After(f) < match) return;
        // The end of a flash: this frame matches the frame before the flash.
        for (var f = 1; f <= o.MaxFlashFrames; f++)
            if (i - 1 - f >= 0 && frames[i].Before(f) < match) return;

        var previous = cuts.Count > 0 ? cuts[^1] : new ShotBoundary(0, double.MaxValue, TransitionKind.Cut);
        if (i - previous.Frame < o.MinShotFrames)
        {
            if (cuts.Count > 0 && s > previous.Score) cuts[^1] = new ShotBoundary(i, s, TransitionKind.Cut);
            return;
        }
        cuts.Add(new ShotBoundary(i, s, TransitionKind.Cut));
    }
}
