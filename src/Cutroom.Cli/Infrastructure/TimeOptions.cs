using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Cli.Infrastructure;

/// <summary>Parses the time values of command-line options (<c>1.5</c>, <c>90s</c>, <c>1:30</c>, <c>00:01:02.250</c>, <c>250ms</c>).</summary>
public static class TimeOptions
{
    /// <summary>Parses one time into µs, or null when <paramref name="text"/> is null.</summary>
    /// <exception cref="JobInputException">(usage) When the text is not a time.</exception>
    public static long? Parse(string? text, string option)
    {
        if (text is null) return null;
        return MediaTime.TryParse(text, out var us) ? us
            : throw new JobInputException($"{option} '{text}' is not a time (examples: 1.5, 90s, 1:30, 00:01:02.250, 250ms)", isUsage: true);
    }

    /// <summary>Parses a comma-separated list of times into µs.</summary>
    /// <exception cref="JobInputException">(usage) When an item is not a time.</exception>
    public static List<long> ParseList(string text, string option) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => Parse(t, option)!.Value).ToList();
}
