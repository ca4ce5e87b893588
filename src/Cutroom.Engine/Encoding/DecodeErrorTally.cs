namespace Cutroom.Engine.Encoding;

/// <summary>
/// Counts the error-level lines of one ffmpeg run's stderr, as printed with <c>-loglevel level+error</c>:
/// both bare lines (<c>[error] msg</c>) and lines from a component (<c>[h264 @ 0x55..] [error] msg</c>),
/// which is how decoders report the damage they conceal ("A non-intra slice in an IDR NAL unit",
/// "error while decoding MB 7 0"). Keeps the first few distinct messages, without the component
/// prefix, for warnings. Feed it through <see cref="Cutroom.FFmpeg.Process.FFmpegRunOptions.OnStderrLine"/>.
/// </summary>
public sealed class DecodeErrorTally
{
    private const int MaxMessages = 5;
    private readonly List<string> _messages = [];
    private int _count;

    /// <summary>Error-level lines seen so far.</summary>
    public int Count { get { lock (_messages) return _count; } }

    /// <summary>The first distinct error messages (at most 5), without their <c>[component @ address]</c> prefix.</summary>
    public IReadOnlyList<string> Messages { get { lock (_messages) return [.. _messages]; } }

    /// <summary>Reads one stderr line (safe to call from ffmpeg's reader thread).</summary>
    public void Observe(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parsed = Cutroom.FFmpeg.Process.FFmpegLogLine.Parse(line);
        if (!parsed.IsError) return;
        var message = parsed.Text;
        lock (_messages)
        {
            _count++;
            if (_messages.Count < MaxMessages && !_messages.Contains(message)) _messages.Add(message);
        }
    }
}
