using Cutroom.Contract.Output;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Animate;

/// <summary>
/// Compiles an <see cref="AnimateRequest"/> and its <see cref="StillImage"/> into ONE ffmpeg command.
/// The picture is decoded once, turned upright, laid onto a supersampled canvas once (the canvas
/// times the path's largest zoom, so the most magnified frame is still 1:1), and held in memory by
/// the <c>loop</c> filter, which hands out the same frame N times: a 12 MP JPEG is decoded and
/// scaled once, not N times as with the <c>-loop 1</c> input option. Each frame is then cut out by
/// <c>perspective</c> with corner expressions evaluated per frame, which samples at 1/256 px, so the
/// view moves by fractions of a pixel (plain <c>zoompan</c> rounds its window to whole pixels and
/// shakes), and scaled down to the canvas.
/// </summary>
public static class AnimatePlan
{
    /// <summary>Label of the video output of the graph.</summary>
    public const string VideoLabel = "v";
    /// <summary>Label of the audio output of the graph.</summary>
    public const string AudioLabel = "a";

    /// <summary>The channel layout of the silent track: stereo, like the timeline renderer's mix.</summary>
    public const string SilentChannelLayout = "stereo";

    private const string SilentChannels = "2";

    /// <summary>The supersampled canvas: the output canvas times <see cref="CameraPath.MaxZoom"/>, even sides.</summary>
    public static CanvasSize SupersampledCanvas(CanvasSize canvas, CameraPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        static int Even(double v) => (int)Math.Round(v / 2, MidpointRounding.AwayFromZero) * 2;
        return new CanvasSize(Math.Max(canvas.Width, Even(canvas.Width * path.MaxZoom)), Math.Max(canvas.Height, Even(canvas.Height * path.MaxZoom)));
    }

    /// <summary>The filter graph (video output <see cref="VideoLabel"/>, audio output <see cref="AudioLabel"/> when requested).</summary>
    public static FilterGraph BuildGraph(AnimateRequest request, StillImage still)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(still);
        var path = CameraPath.For(request.Motion);
        var big = SupersampledCanvas(request.Canvas, path);
        var frames = request.FrameCount;
        var graph = new FilterGraph();

        var upright = still.Upright(graph.InputVideo(0));
        var canvas = StillCanvas.Compose(graph, upright, still.DisplayWidth, still.DisplayHeight, big.Width, big.Height, request.Fit);
        var c = path.PerspectiveCorners(big.Width, big.Height, frames);
        var video = canvas
            .Then(Filters.Loop(checked((int)(frames - 1))))
            .Then(Filters.SetTimeBase(request.FrameRate.Invert()))
            .Then(Filters.SetPts("N"))
            .Then(Filters.Perspective(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], perFrame: true))
            .Then(Filters.Scale(request.Canvas.Width, request.Canvas.Height, "bicubic"))
            .Then(Filters.SetSar());
        graph.Output(video, VideoLabel);

        if (request.SilentAudio)
        {
            var silence = graph.Source(Filters.ANullSrc(SilentChannelLayout, request.Output.RequireAudio().SampleRateHz))
                .Then(Filters.ATrim(null, request.ClipDuration.ToMicroseconds()));
            graph.Output(silence, AudioLabel);
        }
        return graph;
    }

    /// <summary>
    /// The complete command writing to <paramref name="outputPath"/> (normally the staging temp file),
    /// encoded as <see cref="AnimateRequest.Output"/> says (the one table of <see cref="OutputSpecs"/>),
    /// tagged BT.709 limited range as <see cref="StillCanvas"/> converts.
    /// </summary>
    public static FFmpegCommand Build(AnimateRequest request, StillImage still, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(still);
        var graph = BuildGraph(request, still);
        var spec = request.Output;
        List<string> output =
        [
            "-map", $"[{VideoLabel}]",
            .. spec.Video.Arguments(threads: null),
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            // No -frames:v: the loop filter already makes exactly FrameCount frames, and a frame limit
            // ends the output as soon as video reaches it, cutting the last audio packets.
            "-r", request.FrameRate.ToString(),
        ];
        if (request.SilentAudio)
            output.AddRange(["-map", $"[{AudioLabel}]", .. spec.AudioArguments(), "-ac", SilentChannels]);
        output.AddRange(spec.ContainerArguments());
        return new FFmpegCommandBuilder()
            .Overwrite()
            .ExpectDuration(request.ClipDuration.ToMicroseconds())
            .Input(still.Path, still.InputOptions)
            .FilterComplex(graph.Render())
            .Output(outputPath, [.. output])
            .Build();
    }
}
