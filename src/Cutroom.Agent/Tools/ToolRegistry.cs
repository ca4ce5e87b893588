using System.Text.Json.Nodes;
using Cutroom.Agent.Credits;
using Cutroom.Agent.Execution.Executors;
using Cutroom.Agent.Tools.Args;

namespace Cutroom.Agent.Tools;

/// <summary>
/// Every tool of ../shared/docs/agent-tools.md, by canonical name: the built-in planner, the
/// LLM planner (its function list) and the server's <c>/run_sse</c> events share it.
/// </summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, ITool> _tools;

    /// <summary>The registry with the default price table.</summary>
    public static ToolRegistry Default { get; } = new(CreditPrices.Default);

    /// <summary>Creates the registry with a price table.</summary>
    /// <param name="prices">The prices (a setting).</param>
    public ToolRegistry(CreditPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        Prices = prices;
        ITool[] all =
        [
            Job<ExtractFramesArgs>(ToolNames.ExtractFrames, "Extract frames of a video as images plus a zip: every Nth frame, N per second, at given times, every interval, keyframes, or a count spread evenly", new ExtractFramesExecutor()),
            Job<ThumbnailArgs>(ToolNames.Thumbnail, "Pick the best frame of a video (not black, blurred or fading) as a thumbnail image, or the frame at a given time", new ThumbnailExecutor()),
            Job<ContactSheetArgs>(ToolNames.ContactSheet, "A contact sheet: a grid of frames spread over the video, each with its time", new ContactSheetExecutor()),
            Make<ProbeArgs>(ToolNames.Probe, ToolKind.Query, "Read a media file's metadata (resolution, duration, frame rate, codecs, size) and answer in text and JSON", new ProbeExecutor()),
            Job<SummarizeArgs>(ToolNames.Summarize, "Summarise a video: shots, chapters with thumbnails, loudness, speech, a storyboard; summary.json and summary.md", new SummarizeExecutor()),
            Job<HighlightsArgs>(ToolNames.Highlights, "Find the most interesting moments of a video and save each as its own MP4 clip (and optionally a reel)", new HighlightsExecutor()),
            Job<TrimArgs>(ToolNames.Trim, "Cut a video to a time range as a new MP4; the timeline follows when it holds only that video", new TrimExecutor()),
            Job<ConvertArgs>(ToolNames.Convert, "Re-encode a video, e.g. into a 1080p MP4 (H.264/AAC), WebM or MOV", new ConvertExecutor()),
            Make<CreateVideoArgs>(ToolNames.CreateVideo, ToolKind.DraftEdit, "Build a new timeline: a slideshow/montage of photos and clips with optional music, logo, title, captions and transitions", new CreateVideoExecutor()),
            Make<AnimateImageArgs>(ToolNames.AnimateImage, ToolKind.DraftEdit, "Build a new timeline from one photo with a gentle camera motion (image to video)", new AnimateImageExecutor()),
            Make<AddClipArgs>(ToolNames.AddClip, ToolKind.DraftEdit, "Add a video or image to the timeline (at the end, at a time, or in place of a segment)", new AddClipExecutor()),
            Make<RemoveSegmentArgs>(ToolNames.RemoveSegment, ToolKind.DraftEdit, "Remove a segment from the timeline, or only a time range of it", new RemoveSegmentExecutor()),
            Make<MoveSegmentArgs>(ToolNames.MoveSegment, ToolKind.DraftEdit, "Move a segment to a time, or to a position in the order (0 = first)", new MoveSegmentExecutor()),
            Make<TrimSegmentArgs>(ToolNames.TrimSegment, ToolKind.DraftEdit, "Trim a segment: new source in/out points, time cut off its head or tail, or a new length", new TrimSegmentExecutor()),
            Make<SplitSegmentArgs>(ToolNames.SplitSegment, ToolKind.DraftEdit, "Split a segment in two at a time", new SplitSegmentExecutor()),
            Make<SetSpeedArgs>(ToolNames.SetSpeed, ToolKind.DraftEdit, "Change the playback speed of a segment or of every clip (0.25-4)", new SetSpeedExecutor()),
            Make<AddTextArgs>(ToolNames.AddText, ToolKind.DraftEdit, "Add a text or title on the video", new AddTextExecutor()),
            Make<EditTextArgs>(ToolNames.EditText, ToolKind.DraftEdit, "Change a text: its words, position, size, colour or timing", new EditTextExecutor()),
            Make<RemoveTextArgs>(ToolNames.RemoveText, ToolKind.DraftEdit, "Remove a text", new RemoveTextExecutor()),
            Make<AddMusicArgs>(ToolNames.AddMusic, ToolKind.DraftEdit, "Add or replace the background music (looped to the video's length) with a volume and fades", new AddMusicExecutor()),
            Make<SetVolumeArgs>(ToolNames.SetVolume, ToolKind.DraftEdit, "Set the volume of the music, of the video's own sound, or of one segment (0 mutes)", new SetVolumeExecutor()),
            Make<AddTransitionArgs>(ToolNames.AddTransition, ToolKind.DraftEdit, "Add transitions between segments (crossfade, fade to black, wipes, slides), or a fade-in/fade-out of the whole video", new AddTransitionExecutor()),
            Make<SetAspectArgs>(ToolNames.SetAspect, ToolKind.DraftEdit, "Change the canvas: 16:9 YouTube, 9:16 TikTok/Reels/Shorts, 1:1 Instagram feed, 4:5", new SetAspectExecutor()),
            Make<SetDurationArgs>(ToolNames.SetDuration, ToolKind.DraftEdit, "Fit the timeline to a total length", new SetDurationExecutor()),
            Make<NoArgs>(ToolNames.Undo, ToolKind.DraftEdit, "Undo the last change of the timeline", new UndoExecutor()),
            Make<NoArgs>(ToolNames.Redo, ToolKind.DraftEdit, "Redo the last undone change", new RedoExecutor()),
            Make<NoArgs>(ToolNames.ShowTimeline, ToolKind.Query, "Show the tracks: the one-line timeline summary", new ShowTimelineExecutor()),
            Make<NoArgs>(ToolNames.Credits, ToolKind.Query, "Show the credit balance", new CreditsExecutor()),
            Make<ExportArgs>(ToolNames.Export, ToolKind.Export, "Render the current timeline to a video file (MP4 by default)", new ExportExecutor()),
            Make<ClarifyArgs>(ToolNames.Clarify, ToolKind.Conversation, "Ask the user a question when the request is ambiguous; changes nothing", new ClarifyExecutor()),
            Make<NoArgs>(ToolNames.Help, ToolKind.Conversation, "Say what Cutroom can do (for requests outside it); changes nothing", new HelpExecutor()),
        ];
        _tools = all.ToDictionary(t => t.Name, StringComparer.Ordinal);
        All = all;
    }

    /// <summary>The price table.</summary>
    public CreditPrices Prices { get; }

    /// <summary>Every tool, in the order of agent-tools.md.</summary>
    public IReadOnlyList<ITool> All { get; }

    /// <summary>The tool named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A canonical name.</param>
    public ITool? Find(string name) => _tools.GetValueOrDefault(name);

    /// <summary>Binds a call's arguments to its tool's record.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The tool and the bound record.</returns>
    /// <exception cref="ToolArgumentException">Unknown tool or invalid arguments.</exception>
    public (ITool Tool, object Args) Bind(ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tool = Find(call.Name) ?? throw new ToolArgumentException(call.Name, "no such tool");
        return (tool, tool.Bind(call.Args));
    }

    /// <summary>The tools as OpenAI-style function declarations (<c>{"type":"function","function":{name,description,parameters}}</c>).</summary>
    public JsonArray FunctionDeclarations() =>
        new([.. All.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["parameters"] = t.Schema },
        })]);

    private Tool<T> Job<T>(string name, string description, IToolExecutor<T> executor) where T : class =>
        new(name, ToolKind.Job, description, Prices.Of(name), executor);

    private Tool<T> Make<T>(string name, ToolKind kind, string description, IToolExecutor<T> executor) where T : class =>
        new(name, kind, description, Prices.Of(name), executor);
}
