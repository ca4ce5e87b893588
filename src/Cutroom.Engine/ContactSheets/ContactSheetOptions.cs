namespace Cutroom.Engine.ContactSheets;

/// <summary>Layout of a contact sheet.</summary>
public sealed record ContactSheetOptions
{
    /// <summary>Columns (1-10).</summary>
    public int Columns { get; init; } = 4;
    /// <summary>Rows (1-10).</summary>
    public int Rows { get; init; } = 4;
    /// <summary>Width of each tile's picture in pixels (64-1920).</summary>
    public int TileWidth { get; init; } = 320;
    /// <summary>JPEG/WebP quality 1-100.</summary>
    public int Quality { get; init; } = 90;
}

/// <summary>A contact sheet written.</summary>
/// <param name="File">The image.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Frames">The frames shown, in reading order (left to right, top to bottom).</param>
/// <param name="Warnings">Problems that did not stop the job.</param>
public sealed record ContactSheetResult(string File, int Width, int Height, IReadOnlyList<Frames.ExtractedFrame> Frames, IReadOnlyList<string> Warnings);
