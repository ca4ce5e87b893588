using Cutroom.Engine.Frames;

namespace Cutroom.Engine.ContactSheets;

/// <summary>A contact sheet written.</summary>
/// <param name="File">The image.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Frames">The frames shown, in reading order (left to right, top to bottom).</param>
/// <param name="Warnings">Problems that did not stop the job.</param>
public sealed record ContactSheetResult(string File, int Width, int Height, IReadOnlyList<ExtractedFrame> Frames, IReadOnlyList<string> Warnings);
