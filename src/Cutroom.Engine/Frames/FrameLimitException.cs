using Cutroom.Contract.Errors;

namespace Cutroom.Engine.Frames;

/// <summary>
/// A frame extraction that would write more images than <see cref="Common.EngineLimits.MaxFramesPerRequest"/>:
/// <c>over_limit</c> at the selector's field, refused before anything is decoded. The message says
/// the limit and how to ask for fewer; <see cref="Selected"/> and <see cref="Limit"/> let an
/// interface say it in the user's language.
/// </summary>
public sealed class FrameLimitException : CutroomException
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="field">The selector's field (<c>every</c>, <c>fps</c>, <c>keyframes</c>, <c>at</c>, <c>interval</c>, <c>count</c>).</param>
    /// <param name="selected">How many frames the request selects (from the packet index).</param>
    /// <param name="limit">The most one request may write.</param>
    public FrameLimitException(string field, long selected, int limit)
        : base([new JobError(JobErrorCodes.OverLimit, field,
            $"selects {selected} frames, more than the limit of {limit} per request; ask for fewer: a larger step (every Nth frame), a lower rate, a shorter range, or at most {limit} frames spread over the video")])
    {
        Selected = selected;
        Limit = limit;
    }

    /// <summary>How many frames the request selects.</summary>
    public long Selected { get; }

    /// <summary>The most one request may write.</summary>
    public int Limit { get; }
}
