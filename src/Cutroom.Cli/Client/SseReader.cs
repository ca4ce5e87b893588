using System.Runtime.CompilerServices;
using System.Text;

namespace Cutroom.Cli.Client;

/// <summary>One item of a Server-Sent Events stream.</summary>
/// <param name="Data">The event's data (several <c>data:</c> lines joined with a newline), or null for a heartbeat.</param>
public readonly record struct SseItem(string? Data)
{
    /// <summary>A comment line (<c>: heartbeat</c>) or an empty <c>data:</c> event: the server is still working.</summary>
    public bool IsHeartbeat => string.IsNullOrWhiteSpace(Data);
}

/// <summary>
/// Reads a Server-Sent Events stream line by line (as <c>/run_sse</c> sends it, contract §6b):
/// <c>data:</c> lines up to a blank line make one event; comment lines and empty events are
/// heartbeats; <c>event:</c>, <c>id:</c> and <c>retry:</c> fields are ignored.
/// </summary>
public static class SseReader
{
    /// <summary>The items of <paramref name="stream"/>, as they arrive, until it ends.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async IAsyncEnumerable<SseItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData) yield return new SseItem(data.ToString());
                data.Clear();
                hasData = false;
                continue;
            }
            if (line[0] == ':')
            {
                yield return new SseItem(null);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            if (field != "data") continue;
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' ')) value = value[1..];
            if (hasData) data.Append('\n');
            data.Append(value);
            hasData = true;
        }
        if (hasData) yield return new SseItem(data.ToString());
    }
}
