using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Cli.Client;

/// <summary>An uploaded item, as the server described it.</summary>
/// <param name="MediaId">Its media id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">video, image or audio.</param>
/// <param name="DurationMs">Duration, when it has one.</param>
/// <param name="Width">Width, when it has one.</param>
/// <param name="Height">Height, when it has one.</param>
public sealed record UploadedItem(string MediaId, string Name, string Kind, long? DurationMs, int? Width, int? Height)
{
    /// <summary>"video, 0:11, 720x528".</summary>
    public string Describe()
    {
        var parts = new List<string> { Kind };
        if (DurationMs is { } d && Kind != "image") parts.Add(TimeSpan.FromMilliseconds(d).ToString(d >= 3_600_000 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture));
        if (Width is { } w && Height is { } h) parts.Add($"{w}x{h}");
        return string.Join(", ", parts);
    }
}

/// <summary>
/// <c>POST /api/upload-video/nemo_agent/me/&lt;sid&gt;</c> (contract §5): the files in one
/// multipart request (parts named <c>files</c>), streamed from disk with the progress on the live line.
/// </summary>
/// <param name="api">The server.</param>
/// <param name="console">Where progress goes.</param>
public sealed class Uploader(ApiClient api, ChatConsole console)
{
    /// <summary>Uploads <paramref name="paths"/> into the session; all or nothing (the server's rule).</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="paths">Existing files.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="JobInputException">A path is missing or is not a file.</exception>
    /// <exception cref="ApiCallException">The server refused the upload (4001, 4002, ...).</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached.</exception>
    public async Task<IReadOnlyList<UploadedItem>> UploadAsync(string sessionId, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (paths.Count == 0) throw new JobInputException(JobErrorCodes.Required, JobFields.Input, "say which file to upload: upload PATH (or drop the file into the terminal)");
        foreach (var p in paths)
            if (!File.Exists(p)) throw new JobInputException(Directory.Exists(p) ? JobErrorCodes.UnsupportedMedia : JobErrorCodes.NotFound, JobFields.Input, Directory.Exists(p) ? $"{p} is a folder; upload the files in it" : $"no such file: {p}");
        var total = paths.Sum(p => new FileInfo(p).Length);
        var label = paths.Count == 1 ? Path.GetFileName(paths[0]) : $"{paths.Count} files";
        long sent = 0;
        var lastPercent = -1;
        void Report(int n)
        {
            sent += n;
            var percent = total == 0 ? 100 : (int)(sent * 100 / total);
            if (percent == lastPercent) return;
            lastPercent = percent;
            console.Live($"Uploading {label} ({ErrorAdvice.Size(total)}): {percent}%");
        }
        HttpContent Body()
        {
            sent = 0;
            var form = new MultipartFormDataContent();
            foreach (var p in paths)
            {
                var part = new StreamContent(new ProgressStream(File.OpenRead(p), Report), 1 << 16);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(part, "files", Path.GetFileName(p));
            }
            return form;
        }
        try
        {
            var data = await api.SendAsync(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{Uri.EscapeDataString(sessionId)}", Body, cancellationToken, Timeout.InfiniteTimeSpan);
            var items = new List<UploadedItem>();
            if (JsonRead.Prop(data, "files") is { ValueKind: JsonValueKind.Array } files)
                foreach (var f in files.EnumerateArray())
                    items.Add(new UploadedItem(JsonRead.Str(f, "media_id") ?? "", JsonRead.Str(f, "name") ?? "", JsonRead.Str(f, "kind") ?? "", JsonRead.Int64Of(f, "duration_ms"), JsonRead.Int32Of(f, "width"), JsonRead.Int32Of(f, "height")));
            return items;
        }
        finally
        {
            console.EndLive();
        }
    }

    /// <summary>A read-only stream that reports each read's size.</summary>
    private sealed class ProgressStream(Stream inner, Action<int> report) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { var n = inner.Read(buffer, offset, count); report(n); return n; }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            report(n);
            return n;
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
