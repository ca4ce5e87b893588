namespace Cutroom.Engine.Shots;

/// <summary>
/// Finds shot boundaries in a stream of small RGB frames, one frame at a time, keeping only the
/// last eight frames (memory stays flat however long the video is).
/// <para>
/// Each frame gets a content difference to the previous one: the mean absolute HSV difference of
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
internal sealed class ShotDetector
{
    private const int Ring = 8;
    /// <summary>Frames a decision waits for: the neighbours and the longest flash.</summary>
    private int Lookahead => Math.Max(2, _o.MaxFlashFrames);
    private readonly ShotDetectorOptions _o;
    private readonly ContentFrame[] _ring;
    private readonly List<double> _content = [];
    private readonly List<double> _lumaDelta = [];
    private readonly List<double> _meanLuma = [];
    private readonly List<ShotBoundary> _cuts = [];
    private readonly List<(int Start, int End)> _blackRuns = [];
    private int _blackStart = -1;

    public ShotDetector(int width, int height, ShotDetectorOptions? options = null)
    {
        _o = options ?? new ShotDetectorOptions();
        if (_o.MaxFlashFrames > 3) throw new ArgumentException("flashes longer than 3 frames are not supported", nameof(options));
        _ring = Enumerable.Range(0, Ring).Select(_ => new ContentFrame(width, height)).ToArray();
        FrameBytes = width * height * 3;
    }

    /// <summary>Bytes of one RGB24 frame.</summary>
    public int FrameBytes { get; }

    /// <summary>Frames seen so far.</summary>
    public int Count => _content.Count;

    /// <summary>Per frame: content difference to the previous frame (0 for the first).</summary>
    public IReadOnlyList<double> Content => _content;

    /// <summary>Per frame: mean absolute luma difference to the previous frame, 0-255 (motion energy; 0 for the first).</summary>
    public IReadOnlyList<double> LumaDelta => _lumaDelta;

    /// <summary>Per frame: mean luma 0-255.</summary>
    public IReadOnlyList<double> MeanLuma => _meanLuma;

    /// <summary>The frame added last.</summary>
    public ContentFrame Last => _ring[(Count - 1) % Ring];

    /// <summary>Adds the next frame (packed RGB24, <see cref="FrameBytes"/> bytes).</summary>
    public void Add(ReadOnlySpan<byte> rgb)
    {
        var j = Count;
        var frame = _ring[j % Ring];
        frame.Load(rgb);
        if (j == 0) { _content.Add(0); _lumaDelta.Add(0); }
        else
        {
            var prev = _ring[(j - 1) % Ring];
            _content.Add(Delta(prev, frame));
            _lumaDelta.Add(ContentFrame.LumaDelta(prev, frame));
        }
        _meanLuma.Add(frame.MeanLuma);

        var black = frame.MeanLuma < _o.BlackLuma;
        if (black && _blackStart < 0) _blackStart = j;
        else if (!black && _blackStart >= 0)
        {
            if (_blackStart > 0) _blackRuns.Add((_blackStart, j));
            _blackStart = -1;
        }

        if (j >= Lookahead) Evaluate(j - Lookahead);
    }

    /// <summary>Evaluates the last frames and returns every boundary, in frame order.</summary>
    public IReadOnlyList<ShotBoundary> Finish()
    {
        for (var i = Math.Max(0, Count - Lookahead); i < Count; i++) Evaluate(i);
        var all = new List<ShotBoundary>(_cuts);
        foreach (var (start, end) in _blackRuns)
        {
            if (_cuts.Any(c => c.Frame >= start - 2 && c.Frame <= end + 2)) continue;
            var middle = (start + end) / 2;
            if (all.Any(c => Math.Abs(c.Frame - middle) < _o.MinShotFrames)) continue;
            var score = 0.0;
            for (var k = start; k <= Math.Min(end, Count - 1); k++) score = Math.Max(score, _content[k]);
            all.Add(new ShotBoundary(middle, score, TransitionKind.Fade));
        }
        all.Sort((a, b) => a.Frame.CompareTo(b.Frame));
        return all;
    }

    private double Delta(ContentFrame a, ContentFrame b)
    {
        var dark = 2 * _o.BlackLuma;
        if (a.MeanLuma < dark && b.MeanLuma < dark)
        {
            long sum = 0;
            for (var i = 0; i < a.Value.Length; i++) sum += Math.Abs(a.Value[i] - b.Value[i]);
            return (double)sum / a.Value.Length;
        }
        return ContentFrame.ContentDelta(a, b);
    }

    private ContentFrame FrameAt(int i) => _ring[i % Ring];

    private void Evaluate(int i)
    {
        if (i < 1) return;
        var s = _content[i];
        if (s < Math.Min(_o.MinContent, _o.StillMinContent)) return;

        double sum = 0; var n = 0;
        foreach (var k in (ReadOnlySpan<int>)[i - 2, i - 1, i + 1, i + 2])
            if (k >= 1 && k < Count) { sum += _content[k]; n++; }
        var around = n == 0 ? 0 : sum / n;
        var ratio = s / Math.Max(around, 0.5);
        if (!(ratio >= _o.AdaptiveRatio || (s >= _o.StrongContent && ratio >= _o.StrongRatio))) return;
        if (s < _o.MinContent && !(around < 1 && s >= _o.StillMinContent)) return;

        // A flash starting here: the frame after it matches the frame before (far better than either matches the flash).
        var match = Math.Max(_o.FlashMatch, s / 3);
        for (var f = 1; f <= _o.MaxFlashFrames; f++)
            if (i + f < Count && Delta(FrameAt(i - 1), FrameAt(i + f)) < match) return;
        // The end of a flash: this frame matches the frame before the flash.
        for (var f = 1; f <= _o.MaxFlashFrames; f++)
            if (i - 1 - f >= 0 && Delta(FrameAt(i - 1 - f), FrameAt(i)) < match) return;

        var previous = _cuts.Count > 0 ? _cuts[^1] : new ShotBoundary(0, double.MaxValue, TransitionKind.Cut);
        if (i - previous.Frame < _o.MinShotFrames)
        {
            if (_cuts.Count > 0 && s > previous.Score) _cuts[^1] = new ShotBoundary(i, s, TransitionKind.Cut);
            return;
        }
        _cuts.Add(new ShotBoundary(i, s, TransitionKind.Cut));
    }
}
