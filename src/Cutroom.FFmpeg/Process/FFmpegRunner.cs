using System.Text;
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
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires (the process tree is killed).</exception>
    public async Task<FFmpegRunResult> RunAsync(FFmpegCommand command, FFmpegRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FFmpegRunOptions();
        var parser = new ProgressParser(command.ExpectedDurationUs);
        var warnings = new List<string>();
        var decodeErrors = 0;
        StringBuilder? log = options.LogFile is null ? null : new StringBuilder().AppendLine(command.ToString());

        void OnStderr(string line)
        {
            lock (warnings)
            {
                log?.AppendLine(line);
                var parsed = FFmpegLogLine.Parse(line);
                if (parsed.IsError) decodeErrors++;
                if (warnings.Count < 10 && (parsed.IsWarning || parsed.IsError) && !warnings.Contains(parsed.Text)) warnings.Add(parsed.Text);
            }
            options.OnStderrLine?.Invoke(line);
        }

        void OnStdout(string line)
        {
            if (parser.Feed(line) is { } p) options.Progress?.Report(p);
        }

        var result = await ProcessRunner.RunAsync(_tools.FFmpegPath, command.Arguments, OnStdout, OnStderr, options.Timeout, cancellationToken).ConfigureAwait(false);
        if (options.LogFile is not null && log is not null)
            await File.AppendAllTextAsync(options.LogFile, log.ToString(), CancellationToken.None).ConfigureAwait(false);

        if (result.TimedOut)
            throw new FFmpegException($"{options.Purpose} took longer than {options.Timeout.TotalSeconds:0} s and was stopped", -1, command.Arguments, result.StderrTail);
        if (result.ExitCode != 0)
            throw new FFmpegException($"{options.Purpose} failed: {Summarise(result.StderrTail)}", result.ExitCode, command.Arguments, result.StderrTail);
        return new FFmpegRunResult(result.Elapsed, decodeErrors, warnings);
    }

    /// <summary>The most telling stderr line for a one-line error message.</summary>
    internal static string Summarise(IReadOnlyList<string> tail)
    {
        var lines = tail.Select(FFmpegLogLine.Parse).ToList();
        var errors = lines.Where(l => l.IsError).ToList();
        var text = errors.Count > 0 ? errors[^1].Text : lines.Count > 0 ? lines[^1].Text : "no error output";
        // Never show a local path: ffmpeg names files in its messages.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(file:)?/[^\s:']+", "<file>");
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
