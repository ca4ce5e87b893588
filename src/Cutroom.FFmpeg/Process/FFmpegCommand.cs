namespace Cutroom.FFmpeg.Process;

/// <summary>
/// A complete ffmpeg invocation as an argument list (never one string), with the safety
/// options every Cutroom call carries. Build it with <see cref="FFmpegCommandBuilder"/>.
/// </summary>
/// <param name="Arguments">The arguments after the program name, in order.</param>
/// <param name="ExpectedDurationUs">The output duration the run should reach (µs), for progress; null when unknown.</param>
public sealed record FFmpegCommand(IReadOnlyList<string> Arguments, long? ExpectedDurationUs)
{
    /// <summary>The options every command starts with: quiet banner, no stdin, machine progress on stdout.</summary>
    public static readonly IReadOnlyList<string> CommonPrefix =
        ["-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1"];

    /// <summary>The protocols any input may use. No network, no <c>concat:</c>, <c>subfile:</c> or <c>data:</c>.</summary>
    public const string ProtocolWhitelist = "file,pipe";

    /// <summary>The command as one line for logs, arguments with spaces quoted (for reading, not for a shell).</summary>
    public override string ToString() =>
        "ffmpeg " + string.Join(' ', Arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));
}
