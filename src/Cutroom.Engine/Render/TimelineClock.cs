using Cutroom.Contract.Time;

namespace Cutroom.Engine.Render;

/// <summary>
/// The one place where draft milliseconds become output frames. Rule: a time of <c>t</c> ms at
/// <c>F</c> fps is frame <c>round(t × F / 1000)</c>, halves away from zero. Segment boundaries
/// are converted (not durations), so segments that touch in the draft touch in frames, and the
/// output has exactly <see cref="Frames"/>(draft duration) frames.
/// </summary>
public sealed class TimelineClock
{
    /// <summary>Creates the clock of a draft at <paramref name="fps"/> frames per second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When fps is not 1-120.</exception>
    public TimelineClock(int fps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fps, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fps, 120);
        Fps = fps;
    }

    /// <summary>Frames per second.</summary>
    public int Fps { get; }

    /// <summary>The output rate as a rational.</summary>
    public Rational Rate => new(Fps, 1);

    /// <summary>The frame at <paramref name="ms"/> milliseconds.</summary>
    public long Frames(long ms) => MediaTime.FromMilliseconds(ms).Rescale(Rate.Invert());

    /// <summary>The time of frame <paramref name="frame"/> in µs (exact to the µs, rounded).</summary>
    public long FrameToUs(long frame) => MediaTime.FromFrames(frame, Rate).ToMicroseconds();

    /// <summary>The time of frame <paramref name="frame"/>, to the µs (as <see cref="FrameToUs"/>).</summary>
    public MediaTime Time(long frame) => MediaTime.FromMicroseconds(FrameToUs(frame));

    /// <summary>The time of frame <paramref name="frame"/> as ffmpeg seconds text.</summary>
    public string FrameToSeconds(long frame) => MediaTime.ToFFmpeg(FrameToUs(frame));
}
