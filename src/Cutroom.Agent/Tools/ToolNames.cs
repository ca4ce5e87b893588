namespace Cutroom.Agent.Tools;

/// <summary>The canonical tool names of ../shared/docs/agent-tools.md (fixed: planners, SSE events and corpora use them).</summary>
public static class ToolNames
{
    /// <summary>Frames as images plus a zip.</summary>
    public const string ExtractFrames = "extract_frames";
    /// <summary>The best (or a given) frame as an image.</summary>
    public const string Thumbnail = "thumbnail";
    /// <summary>A grid of frames with their times.</summary>
    public const string ContactSheet = "contact_sheet";
    /// <summary>Metadata, answered in text and JSON.</summary>
    public const string Probe = "probe";
    /// <summary>Summary JSON/Markdown and a storyboard.</summary>
    public const string Summarize = "summarize";
    /// <summary>Highlight clips and optionally a reel.</summary>
    public const string Highlights = "highlights";
    /// <summary>A trimmed clip as generated media.</summary>
    public const string Trim = "trim";
    /// <summary>Re-encode a video.</summary>
    public const string Convert = "convert";
    /// <summary>The draft of a slideshow or montage.</summary>
    public const string CreateVideo = "create_video";
    /// <summary>The draft of an image-to-video clip.</summary>
    public const string AnimateImage = "animate_image";
    /// <summary>Add a video or image segment.</summary>
    public const string AddClip = "add_clip";
    /// <summary>Remove a segment.</summary>
    public const string RemoveSegment = "remove_segment";
    /// <summary>Move or reorder a segment.</summary>
    public const string MoveSegment = "move_segment";
    /// <summary>Trim a segment.</summary>
    public const string TrimSegment = "trim_segment";
    /// <summary>Split a segment in two.</summary>
    public const string SplitSegment = "split_segment";
    /// <summary>Change the speed of a segment or of every clip.</summary>
    public const string SetSpeed = "set_speed";
    /// <summary>Add a text segment.</summary>
    public const string AddText = "add_text";
    /// <summary>Change a text.</summary>
    public const string EditText = "edit_text";
    /// <summary>Remove a text.</summary>
    public const string RemoveText = "remove_text";
    /// <summary>Add or replace the background music.</summary>
    public const string AddMusic = "add_music";
    /// <summary>Change a volume (0 mutes).</summary>
    public const string SetVolume = "set_volume";
    /// <summary>Transitions between segments.</summary>
    public const string AddTransition = "add_transition";
    /// <summary>Change the canvas.</summary>
    public const string SetAspect = "set_aspect";
    /// <summary>Fit the timeline to a total length.</summary>
    public const string SetDuration = "set_duration";
    /// <summary>Step back one draft revision.</summary>
    public const string Undo = "undo";
    /// <summary>Step forward one draft revision.</summary>
    public const string Redo = "redo";
    /// <summary>The one-line timeline summary.</summary>
    public const string ShowTimeline = "show_timeline";
    /// <summary>The credit balance.</summary>
    public const string Credits = "credits";
    /// <summary>Render the current draft.</summary>
    public const string Export = "export";
    /// <summary>Ask the user a question; changes nothing.</summary>
    public const string Clarify = "clarify";
    /// <summary>Say what Cutroom can do; changes nothing.</summary>
    public const string Help = "help";
}
