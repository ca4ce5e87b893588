using System.Diagnostics;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// A named pipe (FIFO) that ffmpeg writes raw frames or samples into while a reader consumes them
/// record by record, so that neither memory nor disk grows with the length of the video (stdout
/// carries ffmpeg's progress). The reader runs on its own thread; <see cref="Release"/> after
/// ffmpeg has exited guarantees that it ends even when ffmpeg never opened the pipe.
/// </summary>
internal sealed class RawPipe : IDisposable
{
    private readonly Thread _thread;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _opened;

    private RawPipe(string path, int recordBytes, Action<byte[], int> onRecord)
    {
        Path = path;
        _thread = new Thread(() => Read(recordBytes, onRecord)) { IsBackground = true, Name = "cutroom-raw-pipe" };
    }

    /// <summary>The FIFO's path (give it to ffmpeg as the output).</summary>
    public string Path { get; }

    /// <summary>Completes when the reader has seen the end of the stream; faults when the callback threw.</summary>
    public Task Completion => _done.Task;

    /// <summary>
    /// Creates the FIFO in <paramref name="directory"/> and starts a reader that calls
    /// <paramref name="onRecord"/> with each complete record of <paramref name="recordBytes"/> bytes
    /// (the buffer is reused; the int is the record's length, shorter only for a trailing partial record).
    /// </summary>
    /// <exception cref="ToolMissingException">When <c>mkfifo</c> (coreutils) is missing or fails.</exception>
    public static RawPipe Start(string directory, string name, int recordBytes, Action<byte[], int> onRecord)
    {
        var path = System.IO.Path.Combine(directory, name);
        var psi = new ProcessStartInfo("mkfifo") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add("-m"); psi.ArgumentList.Add("600"); psi.ArgumentList.Add(path);
        try
        {
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            if (p.ExitCode != 0) throw new ToolMissingException($"mkfifo failed: {p.StandardError.ReadToEnd().Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolMissingException($"mkfifo is needed for analysis ({e.Message}); install it with: sudo apt-get install -y coreutils");
        }
        var pipe = new RawPipe(path, recordBytes, onRecord);
        pipe._thread.Start();
        return pipe;
    }

    private void Read(int recordBytes, Action<byte[], int> onRecord)
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            _opened = true;
            var buffer = new byte[recordBytes];
            while (true)
            {
                var filled = 0;
                while (filled < recordBytes)
                {
                    var n = stream.Read(buffer, filled, recordBytes - filled);
                    if (n == 0) break;
                    filled += n;
                }
                if (filled == 0) break;
                onRecord(buffer, filled);
                if (filled < recordBytes) break;
            }
            _done.TrySetResult();
        }
        catch (Exception e)
        {
            _done.TrySetException(e);
        }
    }

    /// <summary>
    /// Call after ffmpeg has exited: if the reader is still waiting for a writer to open the pipe,
    /// opening it read-write (which never blocks on Linux) lets the reader's open return and,
    /// once closed, gives it the end of the stream.
    /// </summary>
    public void Release()
    {
        if (_opened) return;
        try { using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Releases the reader and deletes the FIFO.</summary>
    public void Dispose()
    {
        Release();
        _thread.Join(TimeSpan.FromSeconds(5));
        try { File.Delete(Path); } catch (IOException) { }
    }
}
