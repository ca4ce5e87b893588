using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Frames;

/// <summary>
/// Builds the <see cref="FrameSelector"/> of a frame job from the values an interface read (the
/// command line, a tool call), so that every interface chooses frames the same way. It checks only
/// that one selector is given; <see cref="FramesRequest.Validate"/> checks their values.
/// </summary>
public static class FrameSelection
{
    /// <summary>What to do when the number of selectors given is not one: the message of the error.</summary>
    public const string GiveOne = "give exactly one selector: every, fps, at, interval, keyframes or count";

    /// <summary>The selector of the one value given.</summary>
    /// <param name="every">Every Nth frame (<see cref="FrameSelector.Every"/>).</param>
    /// <param name="fps">Frames per second of video, exact (<see cref="FrameSelector.Rate"/>).</param>
    /// <param name="at">The frames shown at these times (<see cref="FrameSelector.At"/>).</param>
    /// <param name="interval">One frame every interval (<see cref="FrameSelector.Interval"/>).</param>
    /// <param name="keyframes">Keyframes only (<see cref="FrameSelector.Keyframes"/>); false = not given.</param>
    /// <param name="count">N frames evenly spread (<see cref="FrameSelector.Count"/>).</param>
    /// <param name="whenNone">The selector to use when none is given; null makes that an error.</param>
    /// <returns>The selector; its values are not checked yet.</returns>
    /// <exception cref="JobInputException">
    /// <see cref="JobErrorCodes.NotApplicable"/> when more than one is given, <see cref="JobErrorCodes.Required"/>
    /// when none is given and there is no <paramref name="whenNone"/> (field <see cref="JobFields.Request"/>).
    /// </exception>
    public static FrameSelector From(int? every = null, Rational? fps = null, IReadOnlyList<MediaTime>? at = null,
        MediaTime? interval = null, bool keyframes = false, int? count = null, FrameSelector? whenNone = null)
    {
        var given = new List<FrameSelector>(1);
        if (every is { } n) given.Add(new FrameSelector.Every(n));
        if (fps is { } r) given.Add(new FrameSelector.Rate(r));
        if (at is not null) given.Add(new FrameSelector.At(at));
        if (interval is { } i) given.Add(new FrameSelector.Interval(i));
        if (keyframes) given.Add(new FrameSelector.Keyframes());
        if (count is { } c) given.Add(new FrameSelector.Count(c));
        return given.Count switch
        {
            1 => given[0],
            0 when whenNone is not null => whenNone,
            0 => throw new JobInputException(JobErrorCodes.Required, JobFields.Request, GiveOne),
            _ => throw new JobInputException(JobErrorCodes.NotApplicable, JobFields.Request, GiveOne),
        };
    }
}
