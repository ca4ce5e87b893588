namespace Cutroom.Timeline.Edits;

/// <summary>
/// Turns the colour words people type ("red", "white") into the <c>#RRGGBB</c> the draft stores
/// (values of the CSS Color Module Level 4 named colours), and passes hex colours through.
/// </summary>
public static class ColorNames
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["white"] = "#FFFFFF",
        ["black"] = "#000000",
        ["red"] = "#FF0000",
        ["green"] = "#008000",
        ["lime"] = "#00FF00",
        ["blue"] = "#0000FF",
        ["yellow"] = "#FFFF00",
        ["orange"] = "#FFA500",
        ["purple"] = "#800080",
        ["pink"] = "#FFC0CB",
        ["gray"] = "#808080",
        ["grey"] = "#808080",
        ["cyan"] = "#00FFFF",
        ["magenta"] = "#FF00FF",
        ["gold"] = "#FFD700",
        ["navy"] = "#000080",
    };

    /// <summary>The stored form of a colour: a name from the list above, or <c>#RGB</c>, <c>#RRGGBB</c>, <c>#RRGGBBAA</c> (with or without <c>#</c>), upper-case.</summary>
    /// <returns>Null when the text is not a colour.</returns>
    public static string? ToHex(string? color)
    {
        if (string.IsNullOrWhiteSpace(color)) return null;
        var c = color.Trim();
        if (Named.TryGetValue(c, out var hex)) return hex;
        var digits = c.TrimStart('#');
        if (!digits.All(char.IsAsciiHexDigit)) return null;
        return digits.Length switch
        {
            3 => "#" + string.Concat(digits.Select(d => $"{d}{d}")).ToUpperInvariant(),
            6 or 8 => "#" + digits.ToUpperInvariant(),
            _ => null,
        };
    }
}
