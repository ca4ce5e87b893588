using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Cli.Infrastructure;

/// <summary>
/// Parses the time values of command-line options (<c>1.5</c>, <c>90s</c>, <c>1:30</c>, <c>00:01:02.250</c>, <c>250ms</c>).
/// A value that is not a time is a <see cref="JobErrorCodes.WrongType"/> error of the option's field
/// (the option without its dashes, <c>--tile-width</c> → <c>tile_width</c>), so that
/// <see cref="CliErrors"/> names the flag as it names every other field.
/// </summary>
public static class TimeOptions
{
    /// <summary>The examples every "not a time" message gives.</summary>
    private const string Examples = "examples: 1.5, 90s, 1:30, 00:01:02.250, 250ms";

    /// <summary>Parses one time, or null when <paramref name="text"/> is null.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="option">The option (<c>--start</c>), for the error's field.</param>
    /// <exception cref="JobInputException"><see cref="JobErrorCodes.WrongType"/> when the text is not a time.</exception>
    public static MediaTime? ParseTime(string? text, string option)
    {
        if (text is null) return null;
        return MediaTime.TryParse(text, out var us) ? MediaTime.FromMicroseconds(us)
            : throw new JobInputException(JobErrorCodes.WrongType, FieldOf(option), $"'{text}' is not a time ({Examples})");
    }

    /// <summary>Parses a comma-separated list of times.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="option">The option (<c>--at</c>), for the error's field.</param>
    /// <exception cref="JobInputException"><see cref="JobErrorCodes.WrongType"/> when an item is not a time.</exception>
    public static List<MediaTime> ParseTimes(string text, string option) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => ParseTime(t, option)!.Value).ToList();

    /// <summary>The field of an option: <c>--tile-width</c> → <c>tile_width</c>.</summary>
    private static string FieldOf(string option) => option.TrimStart('-').Replace('-', '_');
}
