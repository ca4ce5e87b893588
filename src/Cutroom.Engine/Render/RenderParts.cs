namespace Cutroom.Engine.Render;

/// <summary>Which streams one render pass writes.</summary>
public enum RenderParts
{
    /// <summary>The picture and the soundtrack (a whole render in one pass; GIF has the picture only).</summary>
    VideoAndAudio,
    /// <summary>The picture only: a render chunk.</summary>
    Video,
    /// <summary>The soundtrack only, for the whole timeline: joined with the chunks.</summary>
    Audio,
    /// <summary>The last frame of the window as one JPEG (scrubbing).</summary>
    Frame,
}
