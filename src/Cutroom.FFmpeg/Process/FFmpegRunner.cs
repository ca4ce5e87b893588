using System.Globalization;
using System.Text;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// Runs ffmpeg commands built by <see cref="FFmpegCommandBuilder"/>: reads progress from
/// <c>-progress pipe:1</c>, keeps stderr's tail for errors, counts concealed decode errors,
/// enforces a timeout and kills the process tree on cancellation.
/// </summary>
public sealed class FFmpegRunner
{
    private readonly FFmpegTools _tools;

    /// <summary>Creates a runner over the given tools.</summary>
    public FFmpegRunner(FFmpegTools tools) => _tools = tools;

    /// <summary>Creates a runner over the tools found on this machine.</summary>
    /// <exception cref="ToolMissingException">When ffmpeg or ffprobe is missing.</exception>
    public static FFmpegRunner CreateDefault() => new(FFmpegTools.Locate());

    /// <summary>The tools this runner uses.</summary>
    public FFmpegTools Tools => _tools;

    /// <summary>Runs <paramref name="command"/> to completion.</summary>
    /// <returns>Elapsed time and the warnings ffmpeg logged.</returns>
    /// <exception cref="FFmpegException">When ffmpeg exits non-zero or passes its timeout; carries the exit code and stderr tail.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires (the process tree is killed at once).</exception>
    /// <exception cref="ToolMissingException">When ffmpeg cannot be started.</exception>
    public async Task<FFmpegRunResult> RunAsync(FFmpegCommand command, FFmpegRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FFmpegRunOptions();
        var parser = new ProgressParser(command.ExpectedDurationUs);
        var warnings = new List<string>();
        var decodeErrors = 0;
        StringBuilder? log = options.LogFile is null ? null : new StringBuilder().AppendLine(command.ToString());

        void OnStderr(string line)
        {
            var parsed = FFmpegLogLine.Parse(line);
            lock (warnings)
            {
                log?.AppendLine(line);
                if (parsed.IsError) decodeErrors++;
                if (warnings.Count < 10 && (parsed.IsWarning || parsed.IsError) && !warnings.Contains(parsed.Display))
                    warnings.Add(parsed.Display);
            }
            options.OnStderrLine?.Invoke(line);
        }

        void OnStdout(string line)
        {
            if (parser.Feed(line) is { } p) options.Progress?.Report(p);
        }

        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(_tools.FFmpegPath, command.Arguments, OnStdout, OnStderr, options.Timeout, cancellationToken, options.OnStarted).ConfigureAwait(false);
        }
        finally
        {
            // The log is kept for failed and cancelled runs too: they are the ones people read.
            if (options.LogFile is not null && log is not null)
            {
                string text;
                lock (warnings) text = log.ToString();
                await File.AppendAllTextAsync(options.LogFile, text, CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (result.TimedOut)
            throw new FFmpegException(string.Create(CultureInfo.InvariantCulture, $"{options.Purpose} took longer than {options.Timeout.TotalSeconds:0.#} s and was stopped"),
                -1, command.Arguments, result.StderrTail);
        if (result.ExitCode != 0)
            throw new FFmpegException($"{options.Purpose} failed (ffmpeg exit code {result.ExitCode}): {Summarise(result.StderrTail, command.Arguments)}",
                result.ExitCode, command.Arguments, result.StderrTail);
        lock (warnings)
            return new FFmpegRunResult(result.Elapsed, decodeErrors, warnings.Select(w => PathRedaction.Redact(w, command.Arguments)).ToList());
    }

    /// <summary>The most telling stderr line for a one-line error message, with local paths reduced to file names.</summary>
    /// <param name="tail">The last stderr lines.</param>
    /// <param name="arguments">The arguments of the run: the paths they hold are redacted from the line.</param>
    internal static string Summarise(IReadOnlyList<string> tail, IReadOnlyList<string> arguments)
    {
        var lines = tail.Select(FFmpegLogLine.Parse).Where(l => l.Text.Length > 0).ToList();
        // The cause is usually the first error a component (a filter, codec or demuxer) logged;
        // ffmpeg's own closing lines ("Error while processing the decoded data...") only echo it.
        var pick = lines.FirstOrDefault(l => l.IsError && l.Component is not null)
                   ?? lines.LastOrDefault(l => l.IsError) ?? lines.LastOrDefault();
        // ffmpeg's component context ("[mov,mp4 @ 0x55...]") is left out: it means nothing to users.
        var text = PathRedaction.Redact(pick?.Text ?? "", arguments).Trim();
        if (text.Length == 0) text = "no error output";
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
