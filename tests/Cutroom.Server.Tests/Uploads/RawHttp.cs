using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Cutroom.Server.Tests.Uploads;

/// <summary>
/// HTTP/1.1 over a plain socket, for what HttpClient cannot show: a request whose body is only
/// partly sent, and the answer the server gives before the rest arrives.
/// </summary>
internal static class RawHttp
{
    /// <summary>The answer: status, headers (lower-case names) and the JSON body.</summary>
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, JsonElement Body);

    /// <summary>
    /// Sends the request line, <paramref name="headers"/> and only <paramref name="bodyPrefix"/> of the
    /// body, then, sending nothing more, waits up to <paramref name="timeout"/> for the answer.
    /// </summary>
    /// <exception cref="TimeoutException">No complete answer arrived in time (the server waited for the rest of the body).</exception>
    public static async Task<Answer> SendPartialAsync(string baseUrl, string path, IEnumerable<(string Name, string Value)> headers, byte[] bodyPrefix, TimeSpan timeout)
    {
        var uri = new Uri(baseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"POST /{path} HTTP/1.1\r\nHost: {uri.Authority}\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (bodyPrefix.Length > 0) await stream.WriteAsync(bodyPrefix);
        await stream.FlushAsync();

        using var cts = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                if (TryParse(received.ToArray()) is { } answer) return answer;
                var n = await stream.ReadAsync(buffer, cts.Token);
                if (n == 0) return TryParse(received.ToArray()) ?? throw new IOException("the server closed the connection without a complete answer");
                received.Write(buffer, 0, n);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s while the body was incomplete");
        }
    }

    private static Answer? TryParse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return null;
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = text[(end + 4)..];
        if (headers.TryGetValue("content-length", out var cl))
        {
            if (Encoding.UTF8.GetByteCount(body) < int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture)) return null;
        }
        else if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            if (!body.EndsWith("0\r\n\r\n", StringComparison.Ordinal)) return null;
            body = Dechunk(body);
        }
        using var doc = JsonDocument.Parse(body);
        return new Answer(status, headers, doc.RootElement.Clone());
    }

    private static string Dechunk(string body)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            var eol = body.IndexOf("\r\n", i, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[i..eol], 16);
            if (size == 0) return sb.ToString();
            sb.Append(body, eol + 2, size);
            i = eol + 2 + size + 2;
        }
    }
}
