using Cutroom.Engine.Animate;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// Turns one video-track segment (a clip or a still) into a stream of exactly the frames it
/// occupies: trimmed at its in-point, sped up or slowed down, at the draft's rate, fitted to the
/// canvas (contain, cover or blur) or scaled as an overlay (logo), square pixels, yuv420p, time
/// base 1/fps, timestamps from 0. Stills are decoded and scaled once and repeated with <c>loop</c>.
/// </summary>
internal static class VideoSegmentChain
{
    /// <summary>
    /// Builds the stream of frames <c>[skip, skip + frames)</c> of <paramref name="segment"/>'s own frame
    /// sequence (its frame 0 is the segment's first frame on the timeline; a render window that starts
    /// inside the segment skips the frames before it). The result has <paramref name="frames"/> frames,
    /// timestamps from 0; fades and Ken Burns motion are those of the whole segment at those frames.
    /// </summary>
    /// <param name="g">The render being built.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="span">The segment's whole span in frames: its own frames plus the tail under the next segment's transition (the length its motion and fade-out are laid over).</param>
    /// <param name="skip">Frames of the segment before the first one produced (0 from its start).</param>
    /// <param name="frames">How many frames to produce (within the segment's own frames plus any transition tail).</param>
    /// <param name="layout">Full canvas or overlay box.</param>
    /// <param name="alpha">Keep an alpha plane (upper layers fade to transparent, opacity).</param>
    public static GraphStream Build(RenderGraph g, Segment segment, long span, long skip, long frames, SegmentLayout layout, bool alpha)
    {
        var info = g.Sources[segment.Src!];
        var video = info.Video!;
        var isStill = info.IsStillImage;
        var speed = segment.SpeedFactor;
        var readUs = (long)Math.Ceiling(frames * 1_000_000.0 / g.Clock.Fps * speed);
        // The source time of the first frame produced: the in-point plus the skipped frames at the segment's speed.
        var inUs = MediaTime.FromMilliseconds(segment.InPointMs).ToMicroseconds() + (long)Math.Round(g.Clock.FrameToUs(skip) * speed);
        var prepared = isStill && !layout.IsOverlay ? g.Sources.Prepared.For(segment.Src!, StillFitNames.Parse(segment.Meta.Fit ?? Fits.Contain)) : null;
        if (prepared is not null && g.Sources.Prepared.DrawMotion && !alpha && MotionOf(segment, layout) is { } motion)
        {
            // A prepared photo with Ken Burns motion on the bottom layer: its frames are drawn in process
            // (KenBurnsResampler) and read from a pipe; ffmpeg only fades and composes them.
            var feed = g.AddMotionFeed(prepared, CameraPath.For(motion), span, skip, frames);
            g.SegmentInputs[segment] = feed;
            var drawn = g.Graph.InputVideo(feed).Then(Filters.SetSar()).Then(Filters.Format("yuv420p"))
                .Then(Filters.SetTimeBase(g.Clock.Rate.Invert())).Then(Filters.SetPts("N"));
            return Fades(g, drawn, segment, span, skip, alpha);
        }
        var (input, trimStartUs) = prepared is not null ? (g.AddPreparedStill(prepared), 0) : g.AddInput(info, inUs, readUs, isStill);
        g.SegmentInputs[segment] = input;

        var s = g.Graph.InputVideo(input);
        if (isStill) return Fades(g, StillFrames(g, s, g.Sources.Still(segment.Src!)!, prepared, segment, span, skip, frames, layout, alpha), segment, span, skip, alpha);
        {
            if (trimStartUs > 0) s = s.Then(Filters.Trim(trimStartUs, null));
            s = s.Then(Filters.SetPts("PTS-STARTPTS"));
            if (Math.Abs(speed - 1) > 1e-9) s = s.Then(Filters.SetPts($"PTS/{Filter.FormatValue(speed)}"));
            s = s.Then(Filters.Fps(g.Clock.Rate));
            s = Fit(g, s, video, layout, segment);
            s = s.Then(Filters.SetSar()).Then(Filters.Format(alpha ? "yuva420p" : "yuv420p"));
            // Hold the last frame if the source ends early, then cut exactly.
            s = s.Then(Filters.HoldLastFrame(frames));
            s = s.Then(Filters.TrimFrames(0, frames)).Then(Filters.SetPts("PTS-STARTPTS"));
        }
        return Fades(g, s, segment, span, skip, alpha);
    }

    /// <summary>
    /// A still as <paramref name="frames"/> frames: turned upright from its EXIF orientation, composed
    /// onto the canvas once (cover, contain or blur), repeated with <c>loop</c>, and, with a Ken Burns
    /// <c>m.motion</c>, moved with sub-pixel precision by per-frame <c>perspective</c> along the animate
    /// job's camera path.
    /// </summary>
    private static GraphStream StillFrames(RenderGraph g, GraphStream s, StillImage still, PreparedStill? prepared, Segment segment, long span, long skip, long frames, SegmentLayout layout, bool alpha)
    {
        var fit = StillFitNames.Parse(segment.Meta.Fit ?? Fits.Contain);
        var motion = MotionOf(segment, layout);
        // A prepared still is already upright and composed on the canvas; a logo keeps its own size; any other
        // picture is composed onto the canvas once here (StillCanvas leaves square pixels).
        if (prepared is not null) s = s.Then(Filters.SetSar());
        else if (layout.IsOverlay) s = still.Upright(s).Then(Filters.Scale(layout.BoxWidth, "-2", StillCanvas.PictureScaler)).Then(Filters.SetSar());
        else s = StillCanvas.Compose(g.Graph, still.Upright(s), still.DisplayWidth, still.DisplayHeight, g.Width, g.Height, fit);
        s = s.Then(Filters.Format(alpha ? "yuva420p" : "yuv420p"))
            .Then(Filters.Loop(checked((int)(frames - 1))))
            .Then(Filters.SetTimeBase(g.Clock.Rate.Invert())).Then(Filters.SetPts("N"));
        if (motion is { } mo)
        {
            // The camera moves over the picture composed at canvas size: perspective samples it with
            // sub-pixel precision straight into the canvas. (The animate job supersamples to the largest
            // zoom first for the sharpest single clip; here that costs 1.6x the graph CPU: bench/kenburns.sh.)
            // The path spans the segment's whole span (own frames plus the tail under the next transition), whatever part of it is rendered.
            var c = CameraPath.For(mo).PerspectiveCorners(g.Width, g.Height, span, skip);
            s = s.Then(Filters.Perspective(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], perFrame: true));
        }
        return s;
    }

    /// <summary>The Ken Burns motion of a still that fills the canvas (<c>m.motion</c>), or null (none, or an overlay).</summary>
    private static KenBurnsMotion? MotionOf(Segment segment, SegmentLayout layout) =>
        segment.Meta.Motion is { } m && m != "none" && !layout.IsOverlay ? KenBurnsMotionNames.Parse(m) : null;

    /// <summary>A stream of <paramref name="frames"/> frames of plain colour (gaps on the bottom layer).</summary>
    public static GraphStream Gap(RenderGraph g, long frames) =>
        g.Graph.Source(Filters.Color(g.Request.Background, g.Width, g.Height, g.Clock.Rate, g.Clock.Time(frames + 1)))
            .Then(Filters.TrimFrames(0, frames)).Then(Filters.SetSar()).Then(Filters.Format("yuv420p"))
            .Then(Filters.SetTimeBase(g.Clock.Rate.Invert())).Then(Filters.SetPts("N"));

    /// <summary>
    /// Fades and opacity, in the segment's own time: a stream that starts <paramref name="skip"/> frames into
    /// the segment is stamped from that frame for the fades and back to 0 after them.
    /// </summary>
    private static GraphStream Fades(RenderGraph g, GraphStream s, Segment segment, long span, long skip, bool alpha)
    {
        var fades = segment.Meta.FadeInMs is > 0 || segment.Meta.FadeOutMs is > 0;
        if (fades && skip > 0) s = s.Then(Filters.SetPts($"PTS+{RenderGraph.Num(skip)}"));
        if (segment.Meta.FadeInMs is > 0 and var fi)
            s = s.Then(Filters.FadeIn(MediaTime.FromMilliseconds(fi), alpha));
        if (segment.Meta.FadeOutMs is > 0 and var fo)
        {
            var ownEnd = g.Clock.Frames(segment.DurationMs);
            var fade = MediaTime.FromMilliseconds(fo);
            var start = MediaTime.Max(MediaTime.Zero, g.Clock.Time(Math.Min(ownEnd, span)) - fade);
            s = s.Then(Filters.FadeOut(start, fade, alpha));
        }
        if (fades && skip > 0) s = s.Then(Filters.SetPts("PTS-STARTPTS"));
        if (segment.Meta.Opacity is { } op and < 1)
            s = s.Then(Filters.Opacity(Math.Clamp(op, 0, 1)));
        return s;
    }

    private static GraphStream Fit(RenderGraph g, GraphStream s, VideoStreamInfo video, SegmentLayout layout, Segment segment)
    {
        if (video.SampleAspectRatio != new Rational(1, 1))
            s = s.Then(Filters.Scale("trunc(iw*sar/2)*2", "ih")).Then(Filters.SetSar());
        if (layout.IsOverlay)
            return s.Then(Filters.Scale(layout.BoxWidth, "-2", "bicubic"));
        int w = g.Width, h = g.Height;
        switch (segment.Meta.Fit ?? Fits.Contain)
        {
            case Fits.Cover:
                return s.Then(Filters.ScaleToCover(w, h, "bicubic"))
                        .Then(Filters.Crop(w, h, "(iw-ow)/2", "(ih-oh)/2"));
            case Fits.Blur:
                var parts = g.Graph.Apply(Filters.Split(2), s);
                int bw = Even(w / 8), bh = Even(h / 8);
                var back = parts[0]
                    .Then(Filters.ScaleToCover(bw, bh, "fast_bilinear"))
                    .Then(Filters.Crop(bw, bh, "(iw-ow)/2", "(ih-oh)/2"))
                    .Then(Filters.BoxBlur("min(w,h)/6", "min(cw,ch)/6", lumaPower: 2))
                    .Then(Filters.Scale(w, h, "bilinear")).Then(Filters.SetSar());
                var front = parts[1].Then(Filters.ScaleToFit(w, h, "bicubic")).Then(Filters.SetSar());
                return g.Graph.Apply(Filters.Overlay("(W-w)/2", "(H-h)/2"), back, front)[0];
            default:
                var fitted = s.Then(Filters.ScaleToFit(w, h, "bicubic"));
                return layout.PadToCanvas ? fitted.Then(Filters.Pad(w, h, "(ow-iw)/2", "(oh-ih)/2", g.Request.Background)) : fitted;
        }
    }

    private static int Even(int v) => Math.Max(2, v / 2 * 2);
}

/// <summary>Where a segment's picture goes: the whole canvas, or a box of <see cref="BoxWidth"/> pixels (an overlay such as a logo).</summary>
/// <param name="IsOverlay">True when the segment has <c>m.scale</c>: drawn at its size and position instead of filling the canvas.</param>
/// <param name="BoxWidth">Overlay width in pixels (even).</param>
/// <param name="PadToCanvas">For contain on the bottom layer: pad to the full canvas (upper layers leave the sides transparent instead).</param>
internal sealed record SegmentLayout(bool IsOverlay, int BoxWidth, bool PadToCanvas)
{
    public static SegmentLayout For(Segment segment, int canvasWidth, bool bottomLayer) =>
        segment.Meta.Scale is { } sc and > 0
            ? new SegmentLayout(true, Math.Max(2, (int)Math.Round(canvasWidth * Math.Min(sc, 1) / 2) * 2), false)
            : new SegmentLayout(false, canvasWidth, bottomLayer);
}
