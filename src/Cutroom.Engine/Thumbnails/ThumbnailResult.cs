namespace Cutroom.Engine.Thumbnails;

/// <summary>The thumbnail chosen for a video.</summary>
/// <param name="File">The image written (full resolution).</param>
/// <param name="FrameIndex">The chosen frame's index from the start of the file.</param>
/// <param name="PtsMs">Its time in ms.</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Quality">Its measured quality.</param>
/// <param name="Candidates">How many candidate frames were scored.</param>
/// <param name="Warnings">Problems that did not stop the job.</param>
public sealed record ThumbnailResult(string File, int FrameIndex, long PtsMs, int Width, int Height, FrameQuality Quality, int Candidates, IReadOnlyList<string> Warnings);
