using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutroom.FFmpeg.Probe;

// The raw layer of the probe model: it mirrors `ffprobe -print_format json -show_format
// -show_streams -show_chapters` field for field, numbers kept as ffprobe writes them
// (strings for rationals and decimals). MediaInfo is the parsed layer above it.

/// <summary>ffprobe's top-level JSON object.</summary>
public sealed class FFprobeOutput
{
    /// <summary>The <c>streams</c> array.</summary>
    [JsonPropertyName("streams")] public List<FFprobeStream> Streams { get; set; } = [];
    /// <summary>The <c>chapters</c> array.</summary>
    [JsonPropertyName("chapters")] public List<FFprobeChapter> Chapters { get; set; } = [];
    /// <summary>The <c>format</c> object.</summary>
    [JsonPropertyName("format")] public FFprobeFormat? Format { get; set; }
    /// <summary>The <c>error</c> object ffprobe writes with <c>-show_error</c>.</summary>
    [JsonPropertyName("error")] public FFprobeError? Error { get; set; }
}

/// <summary>ffprobe's <c>error</c> object.</summary>
public sealed class FFprobeError
{
    /// <summary>The AVERROR code.</summary>
    [JsonPropertyName("code")] public int Code { get; set; }
    /// <summary>The error text.</summary>
    [JsonPropertyName("string")] public string? Text { get; set; }
}

/// <summary>One entry of ffprobe's <c>streams</c>.</summary>
public sealed class FFprobeStream
{
    /// <summary><c>index</c>.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }
    /// <summary><c>codec_name</c>.</summary>
    [JsonPropertyName("codec_name")] public string? CodecName { get; set; }
    /// <summary><c>codec_long_name</c>.</summary>
    [JsonPropertyName("codec_long_name")] public string? CodecLongName { get; set; }
    /// <summary><c>profile</c>.</summary>
    [JsonPropertyName("profile")] public string? Profile { get; set; }
    /// <summary><c>codec_type</c>: video, audio, subtitle, data, attachment.</summary>
    [JsonPropertyName("codec_type")] public string? CodecType { get; set; }
    /// <summary><c>width</c>.</summary>
    [JsonPropertyName("width")] public int? Width { get; set; }
    /// <summary><c>height</c>.</summary>
    [JsonPropertyName("height")] public int? Height { get; set; }
    /// <summary><c>sample_aspect_ratio</c> ("1:1").</summary>
    [JsonPropertyName("sample_aspect_ratio")] public string? SampleAspectRatio { get; set; }
    /// <summary><c>display_aspect_ratio</c> ("16:9").</summary>
    [JsonPropertyName("display_aspect_ratio")] public string? DisplayAspectRatio { get; set; }
    /// <summary><c>pix_fmt</c>.</summary>
    [JsonPropertyName("pix_fmt")] public string? PixelFormat { get; set; }
    /// <summary><c>color_space</c>.</summary>
    [JsonPropertyName("color_space")] public string? ColorSpace { get; set; }
    /// <summary><c>color_transfer</c>.</summary>
    [JsonPropertyName("color_transfer")] public string? ColorTransfer { get; set; }
    /// <summary><c>color_primaries</c>.</summary>
    [JsonPropertyName("color_primaries")] public string? ColorPrimaries { get; set; }
    /// <summary><c>color_range</c>.</summary>
    [JsonPropertyName("color_range")] public string? ColorRange { get; set; }
    /// <summary><c>field_order</c>.</summary>
    [JsonPropertyName("field_order")] public string? FieldOrder { get; set; }
    /// <summary><c>r_frame_rate</c>: the lowest rate that represents all timestamps ("real" rate).</summary>
    [JsonPropertyName("r_frame_rate")] public string? RealFrameRate { get; set; }
    /// <summary><c>avg_frame_rate</c>.</summary>
    [JsonPropertyName("avg_frame_rate")] public string? AverageFrameRate { get; set; }
    /// <summary><c>time_base</c>.</summary>
    [JsonPropertyName("time_base")] public string? TimeBase { get; set; }
    /// <summary><c>start_pts</c>.</summary>
    [JsonPropertyName("start_pts")] public long? StartPts { get; set; }
    /// <summary><c>start_time</c> (seconds, decimal string).</summary>
    [JsonPropertyName("start_time")] public string? StartTime { get; set; }
    /// <summary><c>duration_ts</c> (in <c>time_base</c> units).</summary>
    [JsonPropertyName("duration_ts")] public long? DurationTs { get; set; }
    /// <summary><c>duration</c> (seconds, decimal string).</summary>
    [JsonPropertyName("duration")] public string? Duration { get; set; }
    /// <summary><c>bit_rate</c>.</summary>
    [JsonPropertyName("bit_rate")] public string? BitRate { get; set; }
    /// <summary><c>nb_frames</c> (from the container index, when it has one).</summary>
    [JsonPropertyName("nb_frames")] public string? FrameCount { get; set; }
    /// <summary><c>sample_rate</c>.</summary>
    [JsonPropertyName("sample_rate")] public string? SampleRate { get; set; }
    /// <summary><c>channels</c>.</summary>
    [JsonPropertyName("channels")] public int? Channels { get; set; }
    /// <summary><c>channel_layout</c>.</summary>
    [JsonPropertyName("channel_layout")] public string? ChannelLayout { get; set; }
    /// <summary><c>bits_per_raw_sample</c>.</summary>
    [JsonPropertyName("bits_per_raw_sample")] public string? BitsPerRawSample { get; set; }
    /// <summary><c>disposition</c> flags (0/1).</summary>
    [JsonPropertyName("disposition")] public Dictionary<string, int>? Disposition { get; set; }
    /// <summary><c>tags</c>.</summary>
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; set; }
    /// <summary><c>side_data_list</c> (display matrix, HDR metadata...).</summary>
    [JsonPropertyName("side_data_list")] public List<Dictionary<string, JsonElement>>? SideData { get; set; }
}

/// <summary>ffprobe's <c>format</c> object.</summary>
public sealed class FFprobeFormat
{
    /// <summary><c>format_name</c> (comma-separated demuxer aliases).</summary>
    [JsonPropertyName("format_name")] public string? FormatName { get; set; }
    /// <summary><c>format_long_name</c>.</summary>
    [JsonPropertyName("format_long_name")] public string? FormatLongName { get; set; }
    /// <summary><c>start_time</c>.</summary>
    [JsonPropertyName("start_time")] public string? StartTime { get; set; }
    /// <summary><c>duration</c> (seconds).</summary>
    [JsonPropertyName("duration")] public string? Duration { get; set; }
    /// <summary><c>size</c> (bytes).</summary>
    [JsonPropertyName("size")] public string? Size { get; set; }
    /// <summary><c>bit_rate</c> (bits/s).</summary>
    [JsonPropertyName("bit_rate")] public string? BitRate { get; set; }
    /// <summary><c>nb_streams</c>.</summary>
    [JsonPropertyName("nb_streams")] public int? StreamCount { get; set; }
    /// <summary><c>tags</c>.</summary>
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>One entry of ffprobe's <c>chapters</c>.</summary>
public sealed class FFprobeChapter
{
    /// <summary><c>id</c>.</summary>
    [JsonPropertyName("id")] public long Id { get; set; }
    /// <summary><c>time_base</c>.</summary>
    [JsonPropertyName("time_base")] public string? TimeBase { get; set; }
    /// <summary><c>start</c> (time_base units).</summary>
    [JsonPropertyName("start")] public long Start { get; set; }
    /// <summary><c>end</c> (time_base units).</summary>
    [JsonPropertyName("end")] public long End { get; set; }
    /// <summary><c>tags</c> (<c>title</c>).</summary>
    [JsonPropertyName("tags")] public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>Source-generated JSON metadata for the raw probe types.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(FFprobeOutput))]
internal sealed partial class FFprobeJsonContext : JsonSerializerContext;
