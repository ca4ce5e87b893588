using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// Builds an <see cref="FFmpegCommand"/> in ffmpeg's own order: global options, then each input
/// with its options, then the filter graph, then each output with its options. Every input gets
/// <c>-protocol_whitelist file,pipe</c> and, when known, a forced demuxer (<c>-f</c>) and a
/// matching <c>-format_whitelist</c> so that a nested demuxer cannot be opened either.
/// Paths are passed through <see cref="MediaPath.ForFFmpeg"/>.
/// </summary>
public sealed class FFmpegCommandBuilder
{
    private readonly List<string> _global = [];
    private readonly List<string> _inputs = [];
    private readonly List<string> _graph = [];
    private readonly List<string> _outputs = [];
    private long? _expectedDurationUs;
    private int _inputCount;
    private string _logLevel = "error";

    /// <summary>Number of inputs added so far (the next input's index).</summary>
    public int InputCount => _inputCount;

    /// <summary>Sets ffmpeg's log level (default <c>error</c>; <c>info</c> is needed to read <c>showinfo</c> lines).</summary>
    public FFmpegCommandBuilder LogLevel(string level) { _logLevel = level; return this; }

    /// <summary>Overwrites outputs without asking (outputs always go to temp names first).</summary>
    public FFmpegCommandBuilder Overwrite() { _global.Add("-y"); return this; }

    /// <summary>Adds a raw global option.</summary>
    public FFmpegCommandBuilder Global(params string[] args) { _global.AddRange(args); return this; }

    /// <summary>The expected output duration (µs) for progress fractions.</summary>
    public FFmpegCommandBuilder ExpectDuration(long? microseconds) { _expectedDurationUs = microseconds; return this; }

    /// <summary>Adds a file input.</summary>
    /// <param name="path">A local path (made absolute and prefixed with <c>file:</c>).</param>
    /// <param name="options">Input options (e.g. seek, threads, skip_frame).</param>
    /// <returns>The builder.</returns>
    public FFmpegCommandBuilder Input(string path, InputOptions? options = null)
    {
        options ??= new InputOptions();
        _inputs.AddRange(["-protocol_whitelist", FFmpegCommand.ProtocolWhitelist]);
        if (options.Demuxer is { } f)
            _inputs.AddRange(["-f", f, "-format_whitelist", options.FormatWhitelist ?? f]);
        if (options.Threads is { } t) _inputs.AddRange(["-threads", t.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (options.SkipNonKeyFrames) _inputs.AddRange(["-skip_frame", "nokey"]);
        if (options.SeekUs is { } ss) _inputs.AddRange(["-ss", MediaTime.ToFFmpeg(ss)]);
        if (!options.AccurateSeek) _inputs.Add("-noaccurate_seek");
        if (options.DurationUs is { } d) _inputs.AddRange(["-t", MediaTime.ToFFmpeg(d)]);
        if (!options.AutoRotate) _inputs.Add("-noautorotate");
        _inputs.AddRange(options.Extra);
        _inputs.AddRange(["-i", MediaPath.ForFFmpeg(path)]);
        _inputCount++;
        return this;
    }

    /// <summary>Adds a lavfi source (test patterns, colours), for generated media.</summary>
    /// <param name="graph">The lavfi graph, e.g. <c>testsrc2=size=320x240:rate=25:duration=2</c>.</param>
    public FFmpegCommandBuilder LavfiInput(string graph)
    {
        _inputs.AddRange(["-protocol_whitelist", FFmpegCommand.ProtocolWhitelist, "-f", "lavfi", "-format_whitelist", "lavfi", "-i", graph]);
        _inputCount++;
        return this;
    }

    /// <summary>Sets a simple per-output video filter chain (<c>-vf</c>), already escaped by the graph types.</summary>
    public FFmpegCommandBuilder VideoFilter(string chain) { _graph.AddRange(["-vf", chain]); return this; }

    /// <summary>Reads the complex filter graph from a file (<c>-filter_complex_script</c>), for graphs too long for one argument.</summary>
    public FFmpegCommandBuilder FilterComplexScript(string path) { _graph.AddRange(["-filter_complex_script", MediaPath.ForFFmpeg(path)]); return this; }

    /// <summary>Sets a complex filter graph (<c>-filter_complex</c>), already escaped by the graph types.</summary>
    public FFmpegCommandBuilder FilterComplex(string graph) { _graph.AddRange(["-filter_complex", graph]); return this; }

    /// <summary>Adds output options followed by the output path.</summary>
    /// <param name="path">A local path, or <c>-</c>/<c>pipe:1</c> for stdout.</param>
    /// <param name="options">Output options, in order (codec, quality, muxer flags...).</param>
    public FFmpegCommandBuilder Output(string path, params string[] options)
    {
        _outputs.AddRange(options);
        _outputs.Add(path is "-" or "pipe:1" ? "pipe:1" : MediaPath.ForFFmpeg(path));
        return this;
    }

    /// <summary>Adds an output that discards everything (<c>-f null -</c>), for analysis runs.</summary>
    public FFmpegCommandBuilder NullOutput(params string[] options)
    {
        _outputs.AddRange(options);
        _outputs.AddRange(["-f", "null", "-"]);
        return this;
    }

    /// <summary>Builds the command.</summary>
    /// <exception cref="InvalidOperationException">When a raw option (<see cref="Global"/>, <see cref="InputOptions.Extra"/>,
    /// output options) smuggles in an <c>-i</c>: every input must come through <see cref="Input"/> or
    /// <see cref="LavfiInput"/> so that it carries the protocol whitelist.</exception>
    public FFmpegCommand Build()
    {
        var inputFlags = _inputs.Count(a => a == "-i") + _global.Count(a => a == "-i") + _graph.Count(a => a == "-i") + _outputs.Count(a => a == "-i");
        if (inputFlags != _inputCount)
            throw new InvalidOperationException("an -i was passed as a raw option; add every input with Input() or LavfiInput() so that it carries the protocol whitelist");
        var args = new List<string>(FFmpegCommand.CommonPrefix) { "-loglevel", "level+" + _logLevel };
        args.AddRange(_global);
        args.AddRange(_inputs);
        args.AddRange(_graph);
        args.AddRange(_outputs);
        return new FFmpegCommand(args, _expectedDurationUs);
    }
}

/// <summary>Options for one ffmpeg input.</summary>
public sealed record InputOptions
{
    /// <summary>The demuxer to force (<c>-f</c>), from <see cref="Probe.ContainerFormatInfo"/>; null lets ffmpeg probe.</summary>
    public string? Demuxer { get; init; }

    /// <summary>
    /// The demuxers this input may open (<c>-format_whitelist</c>) when it is not just <see cref="Demuxer"/>: a
    /// demuxer that opens other files (the concat demuxer) needs theirs too, e.g. <c>concat,mov</c>.
    /// </summary>
    public string? FormatWhitelist { get; init; }

    /// <summary>Decoder threads for this input; null = ffmpeg's default.</summary>
    public int? Threads { get; init; }

    /// <summary>Decode keyframes only (<c>-skip_frame nokey</c>).</summary>
    public bool SkipNonKeyFrames { get; init; }

    /// <summary>Input seek position (µs): ffmpeg seeks to the keyframe before it.</summary>
    public long? SeekUs { get; init; }

    /// <summary>When false, frames between the keyframe and <see cref="SeekUs"/> are kept (<c>-noaccurate_seek</c>).</summary>
    public bool AccurateSeek { get; init; } = true;

    /// <summary>Read at most this much input (µs), <c>-t</c>.</summary>
    public long? DurationUs { get; init; }

    /// <summary>Apply the display matrix (rotation) when decoding; on by default.</summary>
    public bool AutoRotate { get; init; } = true;

    /// <summary>Further raw input options, placed just before <c>-i</c>.</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];
}
