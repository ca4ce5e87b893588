using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Probe;

/// <summary>
/// Parsed metadata of one media file: the container, its streams and chapters, with units in
/// names and exact rationals for rates. Produced by <see cref="MediaProber"/>.
/// </summary>
public sealed record MediaInfo
{
    /// <summary>The absolute path that was probed.</summary>
    public required string Path { get; init; }
    /// <summary>The container, decided from the file's bytes.</summary>
    public required ContainerFormat Container { get; init; }
    /// <summary>ffprobe's <c>format_name</c> (e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>).</summary>
    public required string FormatName { get; init; }
    /// <summary>ffprobe's long format name.</summary>
    public string? FormatLongName { get; init; }
    /// <summary>Duration in ms (container duration, else the longest stream); null for a still image.</summary>
    public long? DurationMs { get; init; }
    /// <summary>Container start time in µs (often 0).</summary>
    public long StartTimeUs { get; init; }
    /// <summary>File size in bytes.</summary>
    public long SizeBytes { get; init; }
    /// <summary>Overall bitrate in bits per second, when known.</summary>
    public long? BitRate { get; init; }
    /// <summary>All streams, in file order.</summary>
    public required IReadOnlyList<StreamInfo> Streams { get; init; }
    /// <summary>Chapters, in order.</summary>
    public IReadOnlyList<ChapterInfo> Chapters { get; init; } = [];
    /// <summary>Container tags (title, creation_time, location, encoder...), keys lower-cased.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The first video stream that is not a cover picture, or null.</summary>
    public VideoStreamInfo? Video => Streams.OfType<VideoStreamInfo>().FirstOrDefault(v => !v.IsAttachedPicture);
    /// <summary>The first audio stream, or null.</summary>
    public AudioStreamInfo? Audio => Streams.OfType<AudioStreamInfo>().FirstOrDefault();
    /// <summary>True when the file is one still picture (jpg, png, webp, or a one-frame video stream).</summary>
    public bool IsStillImage => Container.IsStillImage();
    /// <summary>Creation time from the tags, when present.</summary>
    public DateTimeOffset? CreationTime =>
        Tags.TryGetValue("creation_time", out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    /// <summary>ISO 6709 location from the tags (<c>location</c> or <c>com.apple.quicktime.location.ISO6709</c>), when present.</summary>
    public string? Location =>
        Tags.TryGetValue("location", out var l) ? l : Tags.TryGetValue("com.apple.quicktime.location.iso6709", out var q) ? q : null;
}

/// <summary>A chapter: a titled, end-exclusive time range.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="StartMs">Start (ms).</param>
/// <param name="EndMs">End (ms, exclusive).</param>
/// <param name="Title">The chapter's title tag, when present.</param>
public sealed record ChapterInfo(int Index, long StartMs, long EndMs, string? Title);

/// <summary>Common facts of every stream.</summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(VideoStreamInfo), "video")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(AudioStreamInfo), "audio")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(OtherStreamInfo), "other")]
public abstract record StreamInfo
{
    /// <summary>Stream index in the file.</summary>
    public required int Index { get; init; }
    /// <summary>Codec name (<c>h264</c>, <c>aac</c>...).</summary>
    public required string Codec { get; init; }
    /// <summary>Codec long name.</summary>
    public string? CodecLongName { get; init; }
    /// <summary>Codec profile (<c>High</c>, <c>LC</c>...), when known.</summary>
    public string? Profile { get; init; }
    /// <summary>The stream's time base.</summary>
    public Rational TimeBase { get; init; }
    /// <summary>Stream duration (ms) from <c>duration_ts × time_base</c> when known.</summary>
    public long? DurationMs { get; init; }
    /// <summary>Stream bitrate (bits/s), when known.</summary>
    public long? BitRate { get; init; }
    /// <summary>Stream tags (language, handler_name...), keys lower-cased.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    /// <summary>The stream kind as a word: video, audio, subtitle, data.</summary>
    public abstract string Kind { get; }
}

/// <summary>A video (or picture) stream.</summary>
public sealed record VideoStreamInfo : StreamInfo
{
    /// <inheritdoc/>
    public override string Kind => "video";
    /// <summary>Coded width in pixels (before rotation).</summary>
    public int Width { get; init; }
    /// <summary>Coded height in pixels (before rotation).</summary>
    public int Height { get; init; }
    /// <summary>Sample (pixel) aspect ratio; 1:1 when unknown.</summary>
    public Rational SampleAspectRatio { get; init; } = new(1, 1);
    /// <summary>Display aspect ratio: as the file states it, else width × SAR / height; unknown only without a size.</summary>
    public Rational DisplayAspectRatio { get; init; }
    /// <summary>Average frame rate (frames / duration).</summary>
    public Rational AverageFrameRate { get; init; }
    /// <summary>The "real" base frame rate (<c>r_frame_rate</c>): the lowest rate that represents every timestamp.</summary>
    public Rational RealFrameRate { get; init; }
    /// <summary>Frame count from the container index or a packet count, when known.</summary>
    public long? FrameCount { get; init; }
    /// <summary>True when frame durations vary (variable frame rate), as measured on packet timestamps; null when not measured.</summary>
    public bool? IsVariableFrameRate { get; init; }
    /// <summary>Pixel format (<c>yuv420p</c>...).</summary>
    public string? PixelFormat { get; init; }
    /// <summary>Colour matrix (<c>bt709</c>...), when tagged.</summary>
    public string? ColorSpace { get; init; }
    /// <summary>Transfer characteristic (<c>smpte2084</c> = PQ, <c>arib-std-b67</c> = HLG...), when tagged.</summary>
    public string? ColorTransfer { get; init; }
    /// <summary>Colour primaries (<c>bt2020</c>...), when tagged.</summary>
    public string? ColorPrimaries { get; init; }
    /// <summary>Colour range (<c>tv</c> limited, <c>pc</c> full), when tagged.</summary>
    public string? ColorRange { get; init; }
    /// <summary>Field order (<c>progressive</c>, <c>tt</c>...), when known.</summary>
    public string? FieldOrder { get; init; }
    /// <summary>Rotation in degrees from the display matrix, as ffprobe reports it (counter-clockwise positive; 0, ±90, 180).</summary>
    public int RotationDegrees { get; init; }
    /// <summary>True for an attached cover picture.</summary>
    public bool IsAttachedPicture { get; init; }
    /// <summary>True for a PQ (SMPTE ST 2084) or HLG (ARIB STD-B67) transfer: high dynamic range.</summary>
    public bool IsHdr => ColorTransfer is "smpte2084" or "arib-std-b67";
    /// <summary>True when the display matrix turns the picture a quarter turn (width and height swap on display).</summary>
    public bool IsQuarterTurn => Math.Abs(RotationDegrees) % 180 == 90;
    /// <summary>Width as displayed (after rotation), in pixels, SAR not applied.</summary>
    public int DisplayWidth => IsQuarterTurn ? Height : Width;
    /// <summary>Height as displayed (after rotation), in pixels.</summary>
    public int DisplayHeight => IsQuarterTurn ? Width : Height;
    /// <summary>The frame rate to use for frame math: the average rate when known, else the real rate.</summary>
    public Rational FrameRate => AverageFrameRate.IsPositive ? AverageFrameRate : RealFrameRate;
}

/// <summary>An audio stream.</summary>
public sealed record AudioStreamInfo : StreamInfo
{
    /// <inheritdoc/>
    public override string Kind => "audio";
    /// <summary>Sample rate in Hz.</summary>
    public int SampleRateHz { get; init; }
    /// <summary>Channel count.</summary>
    public int Channels { get; init; }
    /// <summary>Channel layout name (<c>stereo</c>, <c>5.1</c>...), when known.</summary>
    public string? ChannelLayout { get; init; }
}

/// <summary>Any other stream (subtitles, data, attachments).</summary>
public sealed record OtherStreamInfo : StreamInfo
{
    /// <summary>ffprobe's <c>codec_type</c>.</summary>
    public required string CodecType { get; init; }
    /// <inheritdoc/>
    public override string Kind => CodecType;
}
