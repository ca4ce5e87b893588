using System.Text.Json.Serialization;
using Cutroom.Engine.Shots;

namespace Cutroom.Engine.Analysis;

/// <summary>How closely the analysis looked at the video.</summary>
[JsonConverter(typeof(LowerCaseEnumConverter<AnalysisMode>))]
public enum AnalysisMode
{
    /// <summary>Exact for videos up to 10 minutes, fast beyond.</summary>
    Auto,
    /// <summary>Every frame is decoded (shots to the frame, motion per second).</summary>
    Exact,
    /// <summary>
    /// Keyframes only (<c>-skip_frame nokey</c>) plus the full audio: shot changes are found to
    /// the nearest keyframe, motion is not measured. For long videos.
    /// </summary>
    Fast,
}

/// <summary>
/// Everything one analysis pass learns about a media file; cached beside the media
/// (<see cref="AnalysisCache"/>) keyed by <see cref="ContentHash"/> and <see cref="Version"/>.
/// Times are ms from the start of the file; ranges are end-exclusive. Per-second series have one
/// value per started second of <see cref="DurationMs"/>.
/// </summary>
public sealed record AnalysisRecord
{
    /// <summary>The analysis algorithm version; a cached record of another version is recomputed.</summary>
    public required int Version { get; init; }
    /// <summary>The content hash of the media (<see cref="Analysis.ContentHash"/>).</summary>
    public required string ContentHash { get; init; }
    /// <summary>The media file's name (not its path).</summary>
    public required string Source { get; init; }
    /// <summary>Exact or fast (never Auto).</summary>
    public required AnalysisMode Mode { get; init; }
    /// <summary>Duration of the media (ms).</summary>
    public required long DurationMs { get; init; }
    /// <summary>The video's frame count (from the packet index), 0 without video.</summary>
    public int FrameCount { get; init; }
    /// <summary>Frames the detector looked at (all frames in exact mode, keyframes in fast mode).</summary>
    public int FramesAnalysed { get; init; }
    /// <summary>The video's frame rate as <c>num/den</c>, null without video.</summary>
    public string? FrameRate { get; init; }
    /// <summary>True when the file has a video stream.</summary>
    public bool HasVideo { get; init; }
    /// <summary>True when the file has an audio stream.</summary>
    public bool HasAudio { get; init; }
    /// <summary>The shots, in order, covering the whole video (empty without video).</summary>
    public IReadOnlyList<Shot> Shots { get; init; } = [];
    /// <summary>Silent ranges (silencedetect, below -40 dBFS for at least 0.25 s).</summary>
    public IReadOnlyList<TimeRange> Silences { get; init; } = [];
    /// <summary>Black ranges (blackdetect, at least 0.1 s; exact mode only).</summary>
    public IReadOnlyList<TimeRange> Black { get; init; } = [];
    /// <summary>Frozen-picture ranges (freezedetect, at least 2 s; exact mode only).</summary>
    public IReadOnlyList<TimeRange> Frozen { get; init; } = [];
    /// <summary>Per second: the loudest EBU R128 momentary loudness (400 ms window) in LUFS, -70 for silence.</summary>
    public IReadOnlyList<double> LoudnessLufs { get; init; } = [];
    /// <summary>Per second: EBU R128 short-term loudness (3 s window) at the end of the second, LUFS, -70 for silence.</summary>
    public IReadOnlyList<double> ShortTermLufs { get; init; } = [];
    /// <summary>Per second: speech likelihood 0-1 (<see cref="SpeechFeatures.SpeechPerSecond"/>).</summary>
    public IReadOnlyList<double> Speech { get; init; } = [];
    /// <summary>Per second: motion, the mean absolute luma difference between consecutive frames (0-255); empty in fast mode.</summary>
    public IReadOnlyList<double> Motion { get; init; } = [];
    /// <summary>Audio level every 20 ms (RMS dBFS of 16 kHz mono, -100 for digital silence): to place cuts between words.</summary>
    public IReadOnlyList<float> LevelDb20Ms { get; init; } = [];
    /// <summary>Loudness of the whole file (EBU R128), null without audio.</summary>
    public LoudnessStats? Loudness { get; init; }
    /// <summary>Decoder errors ffmpeg concealed (damaged media when above 0).</summary>
    public int DecodeErrors { get; init; }
    /// <summary>ffmpeg processes that decoded the video: its parts decoded side by side, plus any part decoded again after a missed seek (0 without video).</summary>
    public int VideoDecoders { get; init; }
    /// <summary>Wall time of the analysis (ms).</summary>
    public long ElapsedMs { get; init; }
}

/// <summary>A shot: frames [<see cref="StartFrame"/>, <see cref="EndFrame"/>) and times [<see cref="StartMs"/>, <see cref="EndMs"/>).</summary>
public sealed record Shot
{
    /// <summary>0-based position.</summary>
    public required int Index { get; init; }
    /// <summary>First frame (index among all frames of the video).</summary>
    public required int StartFrame { get; init; }
    /// <summary>Frame after the last (exclusive).</summary>
    public required int EndFrame { get; init; }
    /// <summary>Start time (ms, the first frame's pts).</summary>
    public required long StartMs { get; init; }
    /// <summary>End time (ms, exclusive: the next shot's start or the end of the video).</summary>
    public required long EndMs { get; init; }
    /// <summary>How this shot began (null for the first).</summary>
    public TransitionKind? Transition { get; init; }
    /// <summary>The content difference at the boundary that began it (0-255; 0 for the first).</summary>
    public double Score { get; init; }
    /// <summary>Mean luma 0-255 (brightness).</summary>
    public double Brightness { get; init; }
    /// <summary>Sharpness: log10(1 + variance of the Laplacian) of the luma, on the analysis frames (Pech-Pacheco et al., 2000).</summary>
    public double Sharpness { get; init; }
    /// <summary>Mean motion inside the shot (0-255, mean absolute luma difference between frames); 0 in fast mode.</summary>
    public double Motion { get; init; }
}

/// <summary>An end-exclusive time range in ms.</summary>
/// <param name="StartMs">Start (ms).</param>
/// <param name="EndMs">End (ms, exclusive).</param>
public sealed record TimeRange(long StartMs, long EndMs)
{
    /// <summary>Length (ms).</summary>
    [JsonIgnore] public long DurationMs => EndMs - StartMs;
}

/// <summary>EBU R128 loudness of a whole file, from ffmpeg's <c>ebur128</c> filter (ITU-R BS.1770-4, EBU Tech 3342).</summary>
/// <param name="IntegratedLufs">Integrated (gated) loudness, LUFS; null when the audio is silent throughout.</param>
/// <param name="RangeLu">Loudness range, LU.</param>
/// <param name="TruePeakDbfs">True peak (4x oversampled), dBFS (dBTP).</param>
public sealed record LoudnessStats(double? IntegratedLufs, double? RangeLu, double? TruePeakDbfs);

/// <summary>Source-generated JSON (snake_case) for the analysis record.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(AnalysisRecord))]
public sealed partial class AnalysisJson : JsonSerializerContext;
