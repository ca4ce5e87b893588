namespace Cutroom.Timeline.Model;

/// <summary>The numeric limits of a valid draft (api-contract.md §6 and docs/draft.md).</summary>
public static class DraftLimits
{
    /// <summary>Longest canvas side in pixels.</summary>
    public const int MaxLongSide = 1920;

    /// <summary>Shortest canvas side, at most, in pixels.</summary>
    public const int MaxShortSide = 1080;

    /// <summary>Lowest frame rate (fps).</summary>
    public const int MinFps = 1;

    /// <summary>Highest frame rate (fps).</summary>
    public const int MaxFps = 60;

    /// <summary>Slowest speed factor.</summary>
    public const double MinSpeed = 0.25;

    /// <summary>Fastest speed factor.</summary>
    public const double MaxSpeed = 4.0;

    /// <summary>Loudest volume factor (2 = +6 dB).</summary>
    public const double MaxVolume = 2.0;

    /// <summary>Latest segment end in ms: 6 hours, far beyond any edit, small enough that no sum overflows.</summary>
    public const long MaxTimeMs = 6L * 3600 * 1000;

    /// <summary>Longest text of a text segment, in UTF-16 characters.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Largest text size and margin in canvas pixels.</summary>
    public const double MaxTextSize = 1080;

    /// <summary>Widest text outline in canvas pixels.</summary>
    public const double MaxOutline = 50;

    /// <summary>Longest id in characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>True for a valid id: 1-64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>True for <c>#RRGGBB</c> or <c>#RRGGBBAA</c> (hex digits, either case).</summary>
    public static bool IsValidColor(string? color) =>
        color is not null && color.Length is 7 or 9 && color[0] == '#' && color.Skip(1).All(char.IsAsciiHexDigit);
}
