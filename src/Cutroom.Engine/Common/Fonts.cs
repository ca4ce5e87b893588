using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Common;

/// <summary>A font file Cutroom draws text with, and the Debian package that installs it.</summary>
/// <param name="Name">The font's family name, for messages.</param>
/// <param name="Path">Where the package puts the file.</param>
/// <param name="Package">The Debian package.</param>
public sealed record FontFile(string Name, string Path, string Package);

/// <summary>The fonts Cutroom draws text with, from Debian's font packages.</summary>
public static class Fonts
{
    /// <summary>DejaVu Sans (package <c>fonts-dejavu-core</c>): Latin, Greek, Cyrillic, many symbols.</summary>
    public static readonly FontFile Sans = new("DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core");

    /// <summary>Noto Sans CJK (package <c>fonts-noto-cjk</c>): Chinese, Japanese, Korean.</summary>
    public static readonly FontFile Cjk = new("Noto Sans CJK", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "fonts-noto-cjk");

    /// <summary>Returns the font's path, or throws naming the package to install.</summary>
    /// <exception cref="ToolMissingException">When the font file is missing (code <c>tool_missing</c>; the message names the font and its package, not the path).</exception>
    public static string Require(FontFile font)
    {
        ArgumentNullException.ThrowIfNull(font);
        return File.Exists(font.Path) ? font.Path
            : throw new ToolMissingException($"the font {font.Name} is missing; install the package {font.Package} (apt-get install {font.Package})");
    }
}
