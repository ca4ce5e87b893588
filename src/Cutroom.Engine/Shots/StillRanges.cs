namespace Cutroom.Engine.Shots;

/// <summary>
/// Black and frozen stretches of a video, found in its <see cref="FrameFeatures"/> with the rules
/// (and defaults) of ffmpeg's <c>blackdetect</c> and <c>freezedetect</c> filters, but on the
/// analysis's small frames instead of a second pass over full-size pictures. Ranges are pts in the
/// stream's time base: start inclusive, end exclusive (the pts of the first frame after), null when
/// the stretch lasts to the end of the video.
/// </summary>
internal static class StillRanges
{
    /// <summary><c>blackdetect</c>'s <c>pic_th</c>: a picture is black when at least this share of its pixels is (0.98).</summary>
    public const double BlackPictureShare = 0.98;

    /// <summary>
    /// <c>freezedetect</c>'s default noise tolerance, −60 dB = 0.001 of full scale, as a mean absolute
    /// luma difference on 0-255 (0.255). Downscaling averages encoder noise away, so still video measures
    /// well under it; a picture that drifts by less than this per frame (a very slow fade) counts as frozen.
    /// </summary>
    public const double FreezeNoise = 0.001 * 255;

    /// <summary>Runs of black pictures lasting at least <paramref name="minTicks"/> (blackdetect <c>d</c>, default 0.1 s).</summary>
    public static List<(long Start, long? End)> Black(IReadOnlyList<FrameFeatures> frames, long minTicks) =>
        Runs(frames, k => frames[k].BlackShare >= BlackPictureShare, k => k, minTicks);

    /// <summary>
    /// Stretches where the picture does not change (each frame within <see cref="FreezeNoise"/> of the
    /// one before) lasting at least <paramref name="minTicks"/> (freezedetect <c>d</c>, default 2 s); a
    /// stretch starts at the frame that first shows the frozen picture.
    /// </summary>
    public static List<(long Start, long? End)> Frozen(IReadOnlyList<FrameFeatures> frames, long minTicks) =>
        Runs(frames, k => k > 0 && frames[k].LumaDelta < FreezeNoise, k => k - 1, minTicks);

    private static List<(long Start, long? End)> Runs(IReadOnlyList<FrameFeatures> frames, Func<int, bool> inRun, Func<int, int> firstFrame, long minTicks)
    {
        var ranges = new List<(long, long?)>();
        var start = -1;
        for (var k = 0; k <= frames.Count; k++)
        {
            var member = k < frames.Count && inRun(k);
            if (member && start < 0) start = firstFrame(k);
            else if (!member && start >= 0)
            {
                var from = frames[start].Pts;
                if (k == frames.Count)
                {
                    // To the end: the last frame is shown for about one frame duration.
                    var last = frames[^1].Pts + (frames.Count > 1 ? frames[^1].Pts - frames[^2].Pts : 0);
                    if (last - from >= minTicks) ranges.Add((from, null));
                }
                else if (frames[k].Pts - from >= minTicks) ranges.Add((from, frames[k].Pts));
                start = -1;
            }
        }
        return ranges;
    }
}
