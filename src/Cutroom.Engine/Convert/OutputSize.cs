using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Convert;

/// <summary>
/// The frame size of a converted video: the requested height (never above the source's unless
/// upscaling is allowed) and the width that keeps the displayed aspect ratio, both even (4:2:0
/// chroma needs even sizes), with square pixels. The displayed aspect ratio is the source's size
/// after rotation times its sample aspect ratio (which turns with the picture).
/// </summary>
/// <param name="Width">Output width (pixels, even).</param>
/// <param name="Height">Output height (pixels, even).</param>
/// <param name="UpscaleRefused">True when the requested height was larger than the source's and was not granted.</param>
public sealed record OutputSize(int Width, int Height, bool UpscaleRefused)
{
    /// <summary>Computes the size.</summary>
    /// <param name="video">The source video stream.</param>
    /// <param name="height">Requested height in pixels, or null for the source's.</param>
    /// <param name="upscale">Allow a height above the source's.</param>
    /// <param name="maxDimension">The largest width or height allowed.</param>
    /// <exception cref="JobInputException">Field <c>height</c>: <c>out_of_range</c> when it is below <see cref="ConvertRequest.MinHeight"/>, <c>over_limit</c> when the result exceeds <paramref name="maxDimension"/>.</exception>
    public static OutputSize Compute(VideoStreamInfo video, int? height, bool upscale, int maxDimension)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (height is < ConvertRequest.MinHeight)
            throw new JobInputException(JobErrorCodes.OutOfRange, JobFields.Height, $"must be {ConvertRequest.MinHeight} pixels or more");
        var sar = video.SampleAspectRatio.IsPositive ? video.SampleAspectRatio : new Rational(1, 1);
        if (video.IsQuarterTurn) sar = sar.Invert();
        long aspectNum = (long)video.DisplayWidth * sar.Num, aspectDen = (long)video.DisplayHeight * sar.Den;

        var target = height ?? video.DisplayHeight;
        var refused = false;
        if (!upscale && target > video.DisplayHeight) { target = video.DisplayHeight; refused = true; }
        var outH = Math.Max(2, target - target % 2);
        var outW = Math.Max(2, 2 * (int)Math.Round((decimal)outH * aspectNum / (2 * aspectDen), MidpointRounding.AwayFromZero));
        if (outW > maxDimension || outH > maxDimension)
            throw new JobInputException(JobErrorCodes.OverLimit, JobFields.Height,
                $"would make the output {outW}x{outH}, beyond the limit of {maxDimension} px a side; ask for a smaller height");
        return new OutputSize(outW, outH, refused);
    }
}
