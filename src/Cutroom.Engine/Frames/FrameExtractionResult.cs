namespace Cutroom.Engine.Frames;

/// <summary>One extracted frame, as listed in <c>frames.json</c>.</summary>
/// <param name="Index">The frame's index among decoded frames from the start of the file (0-based).</param>
/// <param name="PtsMs">Its presentation time in ms from the start of the file.</param>
/// <param name="File">The image's file name inside the output folder.</param>
public sealed record ExtractedFrame(int Index, long PtsMs, string File);

/// <summary>The outcome of a frame extraction.</summary>
/// <param name="OutputDirectory">The folder holding the images and <c>frames.json</c>.</param>
/// <param name="Selector">What was selected, in words.</param>
/// <param name="Frames">The frames written, in time order.</param>
/// <param name="Warnings">Problems that did not stop the job (damaged frames concealed by the decoder...).</param>
/// <param name="ElapsedMs">Wall time of the job in ms.</param>
public sealed record FrameExtractionResult(string OutputDirectory, string Selector, IReadOnlyList<ExtractedFrame> Frames, IReadOnlyList<string> Warnings, long ElapsedMs);
