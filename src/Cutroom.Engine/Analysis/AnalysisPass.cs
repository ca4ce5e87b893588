using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Shots;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

using Cutroom.Contract.Time;

namespace Cutroom.Engine.Analysis;

/// <summary>What the video side of one analysis run decodes and how it measures it.</summary>
/// <param name="Segment">The part of the video to decode.</param>
/// <param name="KeyframesOnly">Decode keyframes only (<c>-skip_frame nokey</c>, the fast pass).</param>
/// <param name="Threads">Decoder threads of this process.</param>
/// <param name="AccurateSeek">Seek exactly to the part's first keyframe (ffmpeg may decode from the keyframe before and drop frames); used when the quick seek missed.</param>
/// <param name="Width">Analysis frame width, pixels.</param>
/// <param name="Height">Analysis frame height, pixels (even).</param>
/// <param name="Matrix">The stream's YUV matrix.</param>
/// <param name="Options">Shot detector thresholds.</param>
/// <param name="SharpnessEvery">Measure sharpness on every n-th frame.</param>
internal sealed record VideoPassSpec(VideoSegment Segment, bool KeyframesOnly, int Threads, bool AccurateSeek,
    int Width, int Height, YuvToRgb Matrix, ShotDetectorOptions Options, int SharpnessEvery);

/// <summary>
/// One ffmpeg run of the analysis: the video of one <see cref="VideoSegment"/> downscaled to the
/// analysis size as <c>yuv420p</c> through a named pipe into a <see cref="FeatureExtractor"/>
/// (with <c>showinfo</c> giving each frame's pts), and/or the whole audio through <c>ebur128</c>
/// and <c>silencedetect</c> (read from the log) and as 16 kHz mono PCM through a second pipe into
/// <see cref="SpeechFeatures"/>. Memory stays flat; nothing is written to disk.
/// </summary>
internal sealed class AnalysisPass
{
    private AnalysisPass(VideoPassSpec? spec, List<FrameFeatures> frames, SpeechFeatures? speech, AnalysisLogReader log, int decodeErrors)
    {
        Spec = spec; Frames = frames; Speech = speech; Log = log; DecodeErrors = decodeErrors;
    }

    /// <summary>What the video side was asked for (null for an audio-only run).</summary>
    public VideoPassSpec? Spec { get; }

    /// <summary>The decoded frames' features with their pts, in presentation order (empty without video).</summary>
    public List<FrameFeatures> Frames { get; }

    /// <summary>Speech features of the audio (null without audio).</summary>
    public SpeechFeatures? Speech { get; }

    /// <summary>Loudness and silences from the log (empty without audio).</summary>
    public AnalysisLogReader Log { get; }

    /// <summary>Decode errors ffmpeg reported.</summary>
    public int DecodeErrors { get; }

    /// <summary>Runs ffmpeg once over <paramref name="info"/>.</summary>
    /// <param name="ctx">Engine context (runner, limits).</param>
    /// <param name="info">The probed media.</param>
    /// <param name="video">The video side, or null for none.</param>
    /// <param name="audio">Also read the whole audio.</param>
    /// <param name="progress">This run's progress, 0..1.</param>
    /// <param name="ct">Stops ffmpeg.</param>
    /// <exception cref="FFmpeg.Errors.FFmpegException">ffmpeg failed.</exception>
    /// <exception cref="FFmpeg.Errors.ToolMissingException">mkfifo is missing.</exception>
    public static async Task<AnalysisPass> RunAsync(EngineContext ctx, MediaInfo info, VideoPassSpec? video, bool audio, Action<double>? progress, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "cutroom-analysis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        RawPipe? videoPipe = null, audioPipe = null;
        try
        {
            var segment = video?.Segment;
            var builder = new FFmpegCommandBuilder().LogLevel("info").Overwrite().Global("-copyts")
                .Input(info.Path, new InputOptions
                {
                    Demuxer = info.Container.Demuxer(),
                    Threads = video?.Threads ?? 1,
                    SkipNonKeyFrames = video?.KeyframesOnly ?? false,
                    SeekUs = segment?.SeekUs is { } ss ? (video!.AccurateSeek ? Math.Max(0, ss - VideoSegmentPlan.SeekPastKeyframeUs) : ss) : null,
                    AccurateSeek = video?.AccurateSeek ?? true,
                    // The deblocking filter only polishes the picture; at 160 pixels it changes nothing and costs 10-15 % of H.264 decoding.
                    Extra = video is not null && info.Video is { Codec: "h264" or "hevc" } ? ["-skip_loop_filter", "all"] : [],
                });
            var graph = new FilterGraph();
            var showInfo = new ShowInfoReader();
            var log = new AnalysisLogReader();
            FeatureExtractor? extractor = null;
            SpeechFeatures? speech = null;

            if (video is not null && info.Video is { } stream)
            {
                extractor = new FeatureExtractor(video.Width, video.Height, video.Matrix, video.Options, video.SharpnessEvery);
                var v = graph.InputVideo(0, info.Streams.OfType<VideoStreamInfo>().ToList().IndexOf(stream))
                    .Then(Filters.Scale(video.Width, video.Height, "fast_bilinear"))
                    .Then(Filters.Format("yuv420p"))
                    .Then(Filters.ShowInfo());
                graph.Output(v, "v");
                var x = extractor;
                // Progress of an exact part: frames received of the frames it decodes (ffmpeg's out_time
                // cannot tell, as a part's output clock may not start at the part's start).
                var expected = segment?.DecodeFrames ?? segment?.Frames ?? 0;
                var byFrames = !video.KeyframesOnly && expected > 0 && progress is not null;
                videoPipe = RawPipe.Start(work, "video.yuv", x.FrameBytes, (buffer, length) =>
                {
                    if (length != x.FrameBytes) return;
                    x.Add(buffer);
                    if (byFrames && x.Count % 10 == 0) progress!(Math.Min(1, (double)x.Count / expected));
                });
                var frames = segment?.DecodeFrames is { } n ? new[] { "-frames:v", n.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [];
                builder.Output(videoPipe.Path, ["-map", "[v]", "-fps_mode", "passthrough", .. frames, "-f", "rawvideo"]);
            }
            if (audio && info.Audio is not null)
            {
                speech = new SpeechFeatures();
                var a = graph.InputAudio(0);
                graph.Apply(Filters.ANullSink(), a.Then(Filters.EbuR128(truePeak: true)));
                graph.Apply(Filters.ANullSink(), a.Then(Filters.SilenceDetect()));
                graph.Output(a.Then(Filters.AFormatS16(SpeechFeatures.SampleRate)), "a");
                var s = speech;
                audioPipe = RawPipe.Start(work, "audio.pcm", SpeechFeatures.FrameSamples * 2, (buffer, length) => s.Add(buffer, length));
                builder.Output(audioPipe.Path, "-map", "[a]", "-f", "s16le");
            }
            var command = builder.FilterComplex(graph.Render()).Build();

            // Progress of the audio and of the keyframe pass (which start at the file's start): the output clock.
            long fromUs = segment?.StartUs ?? info.StartTimeUs;
            long toUs = segment?.EndUs ?? info.StartTimeUs + MediaTime.FromMilliseconds(info.DurationMs ?? 0).ToMicroseconds();
            FFmpegRunResult result;
            try
            {
                result = await ctx.Runner.RunAsync(command, new FFmpegRunOptions
                {
                    Timeout = ctx.Limits.FFmpegTimeout,
                    Purpose = "analysing the media",
                    OnStderrLine = line => { showInfo.Feed(line); log.Feed(line); },
                    Progress = progress is null || (extractor is not null && !video!.KeyframesOnly) ? null : new InlineProgress<FFmpegProgress>(p =>
                        progress(toUs > fromUs ? Math.Clamp((double)(p.OutTimeUs - fromUs) / (toUs - fromUs), 0, 1) : 0)),
                }, ct);
            }
            finally
            {
                videoPipe?.Release();
                audioPipe?.Release();
            }
            if (videoPipe is not null) await videoPipe.Completion;
            if (audioPipe is not null) await audioPipe.Completion;

            var features = new List<FrameFeatures>();
            if (extractor is not null)
            {
                var pts = showInfo.Pts;
                extractor.AssignPts(pts);
                features = extractor.Frames;
                if (features.Count > pts.Count) features.RemoveRange(pts.Count, features.Count - pts.Count);
            }
            return new AnalysisPass(video, features, speech, log, result.DecodeErrors);
        }
        finally
        {
            videoPipe?.Dispose();
            audioPipe?.Dispose();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
