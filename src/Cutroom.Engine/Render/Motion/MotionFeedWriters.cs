using System.Runtime.InteropServices;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Render.Motion;

/// <summary>
/// The writers of one ffmpeg pass's <see cref="MotionFeed"/>s: each feed's named pipe is made
/// (<c>mkfifo</c>, mode 0600) before ffmpeg starts, and a dedicated thread opens it for writing (which waits
/// until ffmpeg opens it for reading), draws the frames with a <see cref="KenBurnsResampler"/> and writes them.
/// <list type="bullet">
/// <item>ffmpeg stops reading (it finished a frame grab, failed, or was killed on cancellation): the write
/// fails with a broken pipe and the writer ends quietly; the pass's own result decides.</item>
/// <item>ffmpeg never opens a pipe (it failed before that input): <see cref="DisposeAsync"/> opens the pipe's
/// read end itself without blocking, which releases the writer, then closes it.</item>
/// <item>A writer cannot draw (the prepared picture is unreadable): it closes the pipe, so ffmpeg sees the
/// input end early and never waits; <see cref="ThrowIfFailed"/> then fails the pass (<c>output_invalid</c>).</item>
/// </list>
/// Disposal waits for every writer and deletes the pipes, so that nothing outlives the pass.
/// </summary>
internal sealed class MotionFeedWriters : IAsyncDisposable
{
    private readonly List<(MotionFeed Feed, Task Writer)> _writers = [];
    private readonly CancellationTokenSource _stop;
    private Exception? _failure;

    private MotionFeedWriters(CancellationToken ct) => _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

    /// <summary>No feeds: disposal does nothing.</summary>
    public static MotionFeedWriters None => new(CancellationToken.None);

    /// <summary>Makes the pipes of <paramref name="feeds"/> and starts their writers.</summary>
    /// <param name="feeds">The pass's feeds (from <see cref="RenderGraph.MotionFeeds"/>).</param>
    /// <param name="width">Frame width of the pass, pixels.</param>
    /// <param name="height">Frame height of the pass, pixels.</param>
    /// <param name="ct">Stops the writers.</param>
    /// <exception cref="IOException">When a pipe cannot be made.</exception>
    public static MotionFeedWriters Start(IReadOnlyList<MotionFeed> feeds, int width, int height, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var set = new MotionFeedWriters(ct);
        try
        {
            foreach (var feed in feeds)
            {
                if (File.Exists(feed.FifoPath)) File.Delete(feed.FifoPath);
                if (MakeFifo(feed.FifoPath, 0b110_000_000u /* 0600 */) != 0)
                    throw new IOException($"could not make the pipe of a Ken Burns still (errno {Marshal.GetLastPInvokeError()})");
                var writer = Task.Factory.StartNew(() => set.Write(feed, width, height), CancellationToken.None,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default);
                set._writers.Add((feed, writer));
            }
        }
        catch (Exception)
        {
            // The writers already started wait in open() for a reader that will never come: release them.
            set.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return set;
    }

    /// <summary>The first failure of a writer other than ffmpeg closing its end, or null (for logs and tests).</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Throws when a writer could not draw its frames: the pass's output lacks them.</summary>
    /// <exception cref="FFmpegException"><c>output_invalid</c> (no path in the message; the cause is <see cref="Failure"/>).</exception>
    public void ThrowIfFailed()
    {
        if (Failure is not null) throw FFmpegException.InvalidOutput("a photo with Ken Burns motion could not be drawn (its prepared picture could not be read); render again");
    }

    /// <summary>Stops and awaits every writer, then deletes the pipes.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (feed, writer) in _writers)
        {
            // A writer still waiting in open() (ffmpeg never opened this input) is released by a reader of our own.
            while (!writer.IsCompleted)
            {
                var fd = Open(feed.FifoPath, ReadOnly | NonBlocking);
                if (fd >= 0) _ = Close(fd);
                if (await Task.WhenAny(writer, Task.Delay(50)) == writer) break;
            }
            try { await writer; } catch (Exception) { /* recorded in _failure */ }
            try { File.Delete(feed.FifoPath); } catch (IOException) { }
        }
        _stop.Dispose();
    }

    private void Write(MotionFeed feed, int width, int height)
    {
        FileStream pipe;
        try { pipe = new FileStream(feed.FifoPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!_stop.IsCancellationRequested) Interlocked.CompareExchange(ref _failure, e, null);
            return;
        }
        using (pipe)
        {
            KenBurnsResampler resampler;
            try { resampler = new KenBurnsResampler(File.ReadAllBytes(feed.Picture.Path), feed.Picture.Width, feed.Picture.Height, width, height); }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
                return; // closing the pipe ends ffmpeg's input early
            }
            var frame = new byte[KenBurnsResampler.FrameBytes(width, height)];
            try
            {
                for (long k = 0; k < feed.Frames && !_stop.IsCancellationRequested; k++)
                {
                    resampler.Draw(feed.ViewAt(k), frame);
                    pipe.Write(frame);
                }
            }
            catch (IOException)
            {
                // ffmpeg closed its end (EPIPE): it has what it needs, or failed or was stopped (its own result says which).
            }
        }
    }

    private const int ReadOnly = 0;          // O_RDONLY
    private const int NonBlocking = 0x800;   // O_NONBLOCK (Linux)

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int MakeFifo(string path, uint mode);

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
