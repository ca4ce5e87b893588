namespace Cutroom.FFmpeg.Process;

/// <summary>
/// One progress report of a running ffmpeg, read from its <c>-progress pipe:1</c> key/value blocks.
/// </summary>
/// <param name="Frame">Frames written to the output so far.</param>
/// <param name="OutTimeUs">Output time reached, in microseconds (<c>out_time_us</c>).</param>
/// <param name="Fraction">Progress 0..1 when the expected output duration is known, else null.</param>
/// <param name="Speed">Encoding speed relative to real time (<c>speed=2.5x</c>), when reported.</param>
/// <param name="IsEnd">True for the final block (<c>progress=end</c>).</param>
public sealed record FFmpegProgress(long Frame, long OutTimeUs, double? Fraction, double? Speed, bool IsEnd);
