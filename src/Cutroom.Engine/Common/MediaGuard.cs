using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Common;

/// <summary>Checks probed media against what a job needs and the engine's limits, with one clear message per problem.</summary>
public static class MediaGuard
{
    /// <summary>Returns the video stream, or throws when there is none or it is beyond the limits.</summary>
    /// <exception cref="MediaProbeException">When the file has no video stream or its frames exceed <see cref="EngineLimits"/>.</exception>
    public static VideoStreamInfo RequireVideo(MediaInfo info, EngineLimits limits)
    {
        var v = info.Video ?? throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(info.Path)}' has no video stream (it is {(info.Audio is null ? "not video" : "audio only")})");
        if (v.Width <= 0 || v.Height <= 0) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(info.Path)}' has a video stream without a frame size; it may be damaged");
        if (v.Width > limits.MaxDimension || v.Height > limits.MaxDimension || (long)v.Width * v.Height > limits.MaxPixels)
            throw new MediaProbeException(JobErrorCodes.OverLimit, $"'{Path.GetFileName(info.Path)}' is {v.Width}x{v.Height}, beyond the limit of {limits.MaxDimension} px a side and {limits.MaxPixels / 1_000_000} MP");
        return v;
    }

    /// <summary>The media duration, or throws when it is unknown.</summary>
    /// <exception cref="MediaProbeException">Code <c>media_unreadable</c> when the duration is unknown.</exception>
    public static MediaTime RequireDuration(MediaInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.DurationMs is { } ms and > 0 ? MediaTime.FromMilliseconds(ms)
            : throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"'{Path.GetFileName(info.Path)}' has no known duration; it may be damaged");
    }
}
