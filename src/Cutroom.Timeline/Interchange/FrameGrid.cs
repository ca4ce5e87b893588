using Cutroom.Contract.Time;

namespace Cutroom.Timeline.Interchange;

/// <summary>
/// The frames of a draft at its own rate, for the formats that count frames (OpenTimelineIO,
/// FCPXML, EDL). The rule is the renderer's (<c>TimelineClock</c>): a time of <c>t</c> ms at
/// <c>F</c> fps is frame <c>round(t × F / 1000)</c>, halves away from zero, and boundaries are
/// converted, not durations, so segments that touch in the draft touch in frames. Back from
/// frames, <see cref="Milliseconds"/> rounds to the nearest ms, which lands on the same frame
/// again for every rate up to 1000 fps.
/// </summary>
/// <param name="Fps">Frames per second of the draft (1-60).</param>
public sealed record FrameGrid(int Fps)
{
    /// <summary>The rate as a rational.</summary>
    public Rational Rate => new(Fps, 1);

    /// <summary>The frame at <paramref name="ms"/> milliseconds.</summary>
    public long Frame(long ms) => MediaTime.FromMilliseconds(ms).Rescale(Rate.Invert());

    /// <summary>The time of frame <paramref name="frame"/> in whole milliseconds (rounded half away from zero).</summary>
    public long Milliseconds(long frame) => MediaTime.FromFrames(frame, Rate).ToMilliseconds();
}
