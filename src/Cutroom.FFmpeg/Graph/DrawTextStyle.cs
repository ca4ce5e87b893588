namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// How <see cref="Filters.DrawTextFile(string, string, int, string, object, object, DrawTextStyle)"/> draws its
/// text, as the options of ffmpeg's <c>drawtext</c> filter (ffmpeg-filters "drawtext"). Options left null are
/// not written, so ffmpeg's defaults apply.
/// </summary>
public sealed record DrawTextStyle
{
    /// <summary><c>line_spacing</c>: extra pixels between lines.</summary>
    public int? LineSpacing { get; init; }

    /// <summary><c>borderw</c>: outline width in pixels (null: no outline).</summary>
    public int? BorderWidth { get; init; }

    /// <summary><c>bordercolor</c>: outline colour (written with <see cref="BorderWidth"/>).</summary>
    public string BorderColor { get; init; } = "black";

    /// <summary><c>shadowx</c> and <c>shadowy</c>: drop-shadow offset in pixels (null: no shadow).</summary>
    public int? ShadowOffset { get; init; }

    /// <summary><c>shadowcolor</c>: shadow colour (written with <see cref="ShadowOffset"/>).</summary>
    public string ShadowColor { get; init; } = "black";

    /// <summary><c>boxcolor</c> with <c>box=1</c>: a box behind the text (null: no box).</summary>
    public string? BoxColor { get; init; }

    /// <summary><c>boxborderw</c>: pixels the box extends around the text (written with <see cref="BoxColor"/>).</summary>
    public int BoxBorderWidth { get; init; }

    /// <summary><c>alpha</c>: opacity expression of <c>t</c> (0-1).</summary>
    public string? Alpha { get; init; }

    /// <summary><c>enable</c>: timeline expression of when the text is drawn (<c>between(t,1,2)</c>).</summary>
    public string? Enable { get; init; }
}
