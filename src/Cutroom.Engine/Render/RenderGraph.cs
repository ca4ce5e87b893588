using System.Globalization;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// The state shared while a draft is compiled into one ffmpeg invocation: the inputs being
/// added to the command, the filter graph, the clock, the canvas and the work folder (text files).
/// </summary>
internal sealed class RenderGraph
{
    private readonly Dictionary<int, long> _trimStarts = [];

    public RenderGraph(DraftRenderRequest request, SourceCatalog sources, string workDirectory, int threads, bool allowSeeking, FrameWindow window)
    {
        Request = request; Draft = request.Draft.Draft; Sources = sources; WorkDirectory = workDirectory;
        Clock = new TimelineClock(Draft.Fps);
        Threads = threads; AllowSeeking = allowSeeking; Window = window;
    }

    /// <summary>The frames of the timeline this pass renders (output frame 0 is <see cref="FrameWindow.First"/>).</summary>
    public FrameWindow Window { get; }

    /// <summary>What is rendered: the draft, the output, the background and the loudness target.</summary>
    public DraftRenderRequest Request { get; }
    public Draft Draft { get; }
    public SourceCatalog Sources { get; }
    public string WorkDirectory { get; }
    public TimelineClock Clock { get; }
    public int Threads { get; }
    /// <summary>False on the second attempt after a seek decoded badly: every source is then decoded from its start.</summary>
    public bool AllowSeeking { get; }
    public FilterGraph Graph { get; } = new();
    public FFmpegCommandBuilder Command { get; } = new FFmpegCommandBuilder().LogLevel("warning").Overwrite();
    public int Width => Draft.Width;
    public int Height => Draft.Height;
    /// <summary>True when some input was entered by seeking (a bad decode then means: render again without).</summary>
    public bool UsedSeeking { get; private set; }
    /// <summary>The input each video-track segment reads, so that its sound comes from the same input.</summary>
    public Dictionary<Segment, int> SegmentInputs { get; } = [];

    /// <summary>Seeks into a source only past this in-point (µs); nearer the start, decoding through is cheap and always safe.</summary>
    public const long SeekThresholdUs = 10_000_000;

    /// <summary>
    /// Adds <paramref name="info"/> as an input for a segment that reads [inUs, inUs + readUs) of it.
    /// Returns the input index and the in-point still to trim in the graph (0 when ffmpeg seeked).
    /// </summary>
    public (int Input, long TrimStartUs) AddInput(MediaInfo info, long inUs, long readUs, bool isStill)
    {
        if (isStill)
        {
            // Stills are turned upright by Cutroom from their EXIF orientation (StillImage), so autorotate is off.
            // -framerate gives the picture the draft's rate, so that every stream meeting in xfade/concat has the same frame rate
            // without an fps filter (which would shift the timestamps of a looped still).
            Command.Input(info.Path, new InputOptions
            {
                Demuxer = info.Container.Demuxer(), Threads = Threads, AutoRotate = false,
                Extra = ["-framerate", Clock.Fps.ToString(CultureInfo.InvariantCulture)],
            });
            return (Command.InputCount - 1, 0);
        }
        var seek = AllowSeeking && inUs >= SeekThresholdUs;
        Command.Input(info.Path, new InputOptions
        {
            Demuxer = info.Container.Demuxer(),
            Threads = Threads,
            SeekUs = seek ? inUs : null,
            // Read a margin past the need; the graph trims exactly.
            DurationUs = readUs + 2_000_000 + (seek ? 0 : inUs),
        });
        UsedSeeking |= seek;
        _trimStarts[Command.InputCount - 1] = seek ? 0 : inUs;
        return (Command.InputCount - 1, seek ? 0 : inUs);
    }

    /// <summary>Adds a prepared still (<see cref="PreparedStills"/>): one raw yuv420p frame read with the forced <c>rawvideo</c> demuxer at the draft's rate.</summary>
    public int AddPreparedStill(PreparedStill still)
    {
        return AddRawFrames(still.Path, still.Width, still.Height);
    }

    /// <summary>The Ken Burns stills of this pass drawn in process and fed through named pipes (<see cref="Motion.MotionFeedWriters"/> runs them).</summary>
    public List<Motion.MotionFeed> MotionFeeds { get; } = [];

    /// <summary>
    /// Adds frames <c>[skip, skip + frames)</c> of a Ken Burns move of <paramref name="span"/> frames over
    /// <paramref name="picture"/> as an input: raw yuv420p frames of the canvas at the draft's rate, read with the
    /// forced <c>rawvideo</c> demuxer from a named pipe in the work folder that a writer of Cutroom's fills
    /// (<see cref="Motion.KenBurnsResampler"/>). Returns the input index.
    /// </summary>
    public int AddMotionFeed(PreparedStill picture, Animate.CameraPath path, long span, long skip, long frames)
    {
        var fifo = Path.Combine(WorkDirectory, Motion.MotionFeed.NameFor(picture, path, span, skip, frames));
        MotionFeeds.Add(new Motion.MotionFeed(fifo, picture, path, span, skip, frames));
        return AddRawFrames(fifo, Width, Height);
    }

    /// <summary>Adds <paramref name="path"/> as raw yuv420p frames of <paramref name="width"/> x <paramref name="height"/> at the draft's rate (forced <c>rawvideo</c> demuxer); returns the input index.</summary>
    private int AddRawFrames(string path, int width, int height)
    {
        Command.Input(path, new InputOptions
        {
            Demuxer = "rawvideo",
            Extra = ["-pix_fmt", "yuv420p", "-video_size", $"{Num(width)}x{Num(height)}", "-framerate", Clock.Fps.ToString(CultureInfo.InvariantCulture)],
        });
        return Command.InputCount - 1;
    }

    /// <summary>The in-point still to trim in the graph for input <paramref name="input"/> (0 when ffmpeg seeked there).</summary>
    public long InputTrimStart(int input) => _trimStarts.GetValueOrDefault(input);

    /// <summary>
    /// A text file in the work folder holding <paramref name="text"/> exactly (UTF-8, no BOM), for drawtext
    /// <c>textfile</c>. Named by its content (<c>text-&lt;sha256 prefix&gt;.txt</c>), so that the command, and
    /// so a render chunk's cache key, depends on the text and not on the order texts were written.
    /// </summary>
    public string WriteTextFile(string text)
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        var name = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
        var path = Path.Combine(WorkDirectory, $"text-{name}.txt");
        if (!File.Exists(path)) File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Seconds of <paramref name="frames"/> frames at the draft rate, for filter options.</summary>
    public string Seconds(long frames) => Clock.FrameToSeconds(frames);

    /// <summary>An integer for filter options, invariant culture.</summary>
    public static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);
}
