using Cutroom.Engine.Thumbnails;

namespace Cutroom.Engine.Shots;

/// <summary>
/// Turns a run of consecutive small <c>yuv420p</c> frames (one decoder's output) into
/// <see cref="FrameFeatures"/>, one frame at a time, keeping only the last eight frames' pixels:
/// the content and luma difference to the previous frame, mean luma and black share, sharpness on
/// every <c>sharpnessEvery</c>-th frame, and for each candidate cut the differences the flash test
/// of <see cref="ShotDetector"/> needs (the frame before it against the 1-3 frames after it, and
/// the 2-4 frames before it against it). Not thread-safe: one reader thread feeds it.
/// </summary>
internal sealed class FeatureExtractor
{
    private const int Ring = 8;
    private readonly ContentFrame[] _ring;
    private readonly ShotDetectorOptions _o;
    private readonly int _sharpnessEvery;
    private readonly double _candidate;
    private readonly List<FrameFeatures> _frames = [];

    /// <summary>Creates an extractor for frames of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    /// <param name="width">Frame width, pixels (even).</param>
    /// <param name="height">Frame height, pixels (even).</param>
    /// <param name="matrix">The stream's YUV matrix.</param>
    /// <param name="options">Detector thresholds: which frames are candidate cuts, how long a flash may be, what is dark.</param>
    /// <param name="sharpnessEvery">Measure sharpness on every n-th frame (1 = all).</param>
    public FeatureExtractor(int width, int height, YuvToRgb matrix, ShotDetectorOptions options, int sharpnessEvery)
    {
        _o = options;
        if (_o.MaxFlashFrames > 3) throw new ArgumentException("flashes longer than 3 frames are not supported", nameof(options));
        _sharpnessEvery = Math.Max(1, sharpnessEvery);
        _candidate = Math.Min(_o.MinContent, _o.StillMinContent);
        _ring = Enumerable.Range(0, Ring).Select(_ => new ContentFrame(width, height, matrix)).ToArray();
    }

    /// <summary>Bytes of one input frame.</summary>
    public int FrameBytes => _ring[0].Yuv420Bytes;

    /// <summary>Frames added so far.</summary>
    public int Count => _frames.Count;

    /// <summary>The features, in the order the frames were added (pts still 0 until <see cref="AssignPts"/>).</summary>
    public List<FrameFeatures> Frames => _frames;

    /// <summary>Adds the next frame (<see cref="FrameBytes"/> bytes of <c>yuv420p</c>).</summary>
    public void Add(ReadOnlySpan<byte> yuv)
    {
        var j = _frames.Count;
        var frame = _ring[j % Ring];
        frame.LoadYuv420(yuv);
        var f = FrameFeatures.Empty(0);
        f.MeanLuma = (float)frame.MeanLuma;
        f.BlackShare = (float)frame.BlackShare;
        if (j > 0)
        {
            var prev = _ring[(j - 1) % Ring];
            f.Content = (float)Delta(prev, frame);
            f.LumaDelta = (float)ContentFrame.LumaDelta(prev, frame);
        }
        if (j % _sharpnessEvery == 0)
            f.Sharpness = (float)Math.Log10(1 + FrameQuality.Measure(frame.Luma, frame.Width, frame.Height).Sharpness);
        if (j > 0 && f.Content >= _candidate)
            for (var k = 1; k <= _o.MaxFlashFrames && j - 1 - k >= 0; k++)
                f.SetBefore(k, (float)Delta(_ring[(j - 1 - k) % Ring], frame));
        _frames.Add(f);

        // This frame is "k after" the earlier candidates j − k.
        for (var k = 1; k <= _o.MaxFlashFrames; k++)
        {
            var i = j - k;
            if (i < 1) break;
            var candidate = _frames[i];
            if (candidate.Content < _candidate) continue;
            candidate.SetAfter(k, (float)Delta(_ring[(i - 1) % Ring], frame));
            _frames[i] = candidate;
        }
    }

    /// <summary>Gives frame <c>k</c> the k-th pts (from <c>showinfo</c>); frames beyond the list keep 0.</summary>
    public void AssignPts(IReadOnlyList<long> pts)
    {
        for (var k = 0; k < _frames.Count && k < pts.Count; k++)
        {
            var f = _frames[k];
            f.Pts = pts[k];
            _frames[k] = f;
        }
    }

    /// <summary>Between two dark frames only brightness counts (hue and saturation of near-black pixels are noise).</summary>
    private double Delta(ContentFrame a, ContentFrame b)
    {
        var dark = 2 * _o.BlackLuma;
        return a.MeanLuma < dark && b.MeanLuma < dark ? ContentFrame.ValueDelta(a, b) : ContentFrame.ContentDelta(a, b);
    }
}
