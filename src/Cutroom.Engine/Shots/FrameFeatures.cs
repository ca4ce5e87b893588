namespace Cutroom.Engine.Shots;

/// <summary>
/// What the analysis keeps of one decoded frame once its pixels are gone: about 48 bytes, so a
/// two-hour video at 30 fps holds 216,000 of them in about 10 MB. Differences are on
/// PySceneDetect's content scale (mean HSV difference, 0-255); see <see cref="ContentFrame"/>.
/// </summary>
internal struct FrameFeatures
{
    /// <summary>The frame's presentation timestamp in the video stream's time base (from <c>showinfo</c>).</summary>
    public long Pts;

    /// <summary>Mean luma 0-255.</summary>
    public float MeanLuma;

    /// <summary>Share of pixels (0-1) that ffmpeg's <c>blackdetect</c> would count as black.</summary>
    public float BlackShare;

    /// <summary>Content difference to the previous frame (0 for the first frame of a run).</summary>
    public float Content;

    /// <summary>Mean absolute luma difference to the previous frame, 0-255 (motion energy).</summary>
    public float LumaDelta;

    /// <summary>Sharpness, <c>log10(1 + variance of Laplacian)</c>, on the frames that were measured; NaN on the others.</summary>
    public float Sharpness;

    // The flash test of a candidate cut at frame i (Content at or above the detector's lowest
    // threshold): After f = difference between frame i−1 and frame i+f; Before f = between frame
    // i−1−f and frame i. NaN where not measured (not a candidate, or the frame does not exist).
    public float After1, After2, After3, Before1, Before2, Before3;

    /// <summary>Difference between the frame before this one and the frame <paramref name="f"/> (1-3) after it.</summary>
    public readonly float After(int f) => f switch { 1 => After1, 2 => After2, 3 => After3, _ => float.NaN };

    /// <summary>Difference between the frame <paramref name="f"/> + 1 (2-4) before this one and this one.</summary>
    public readonly float Before(int f) => f switch { 1 => Before1, 2 => Before2, 3 => Before3, _ => float.NaN };

    internal void SetAfter(int f, float value) { if (f == 1) After1 = value; else if (f == 2) After2 = value; else if (f == 3) After3 = value; }

    internal void SetBefore(int f, float value) { if (f == 1) Before1 = value; else if (f == 2) Before2 = value; else if (f == 3) Before3 = value; }

    /// <summary>A frame with nothing measured yet.</summary>
    public static FrameFeatures Empty(long pts) => new()
    {
        Pts = pts, Sharpness = float.NaN,
        After1 = float.NaN, After2 = float.NaN, After3 = float.NaN, Before1 = float.NaN, Before2 = float.NaN, Before3 = float.NaN,
    };
}
