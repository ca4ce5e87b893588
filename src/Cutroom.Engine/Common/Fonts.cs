using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Common;

/// <summary>The fonts Cutroom draws text with, from Debian's font packages.</summary>
public static class Fonts
{
    /// <summary>DejaVu Sans (package <c>fonts-dejavu-core</c>): Latin, Greek, Cyrillic, many symbols.</summary>
    public static readonly (string Path, string Package) Sans = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core");

    /// <summary>Noto Sans CJK (package <c>fonts-noto-cjk</c>): Chinese, Japanese, Korean.</summary>
    public static readonly (string Path, string Package) Cjk = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "fonts-noto-cjk");

    /// <summary>Returns the font's path, or throws naming the package to install.</summary>
    /// <exception cref="ToolMissingException">When the font file is missing.</exception>
    public static string Require((string Path, string Package) font) =>
        File.Exists(font.Path) ? font.Path : throw new ToolMissingException($"the font {font.Path} is missing; install it with: sudo apt-get install -y {font.Package}");
}
