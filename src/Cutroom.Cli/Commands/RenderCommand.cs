using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Preview;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom render draft.json -o out.mp4 [--media ID=PATH]...</c>: renders any draft.</summary>
internal static class RenderCommand
{
    /// <summary>The command's fields whose flag is not <c>--field-name</c>.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DraftField] = "draft",
        [DraftRenderRequest.TargetLufsField] = "--lufs",
    };

    /// <summary>The field of the draft file argument.</summary>
    private const string DraftField = "draft";

    public static Command Create()
    {
        var draftFile = new Argument<string>("draft") { Description = "The draft (timeline) JSON file" };
        var output = CliOptions.OutputFile("The video to write (.mp4, .webm, .mov or .gif)");
        var media = new Option<string[]>("--media") { Description = "Map a media id to a file: ID=PATH (repeatable); a src that is a path works as is", AllowMultipleArgumentsPerToken = true };
        var quality = new Option<OutputQuality>("--quality") { Description = "Encoding quality", DefaultValueFactory = _ => OutputQuality.High };
        var loudness = new Option<double?>("--lufs") { Description = "Integrated loudness target of the mix in LUFS (default -14); 0 turns normalisation off" };
        var log = new Option<string?>("--log") { Description = "Append ffmpeg's command line and log to this file" };
        var json = CliOptions.Json();
        var preview = new Option<bool>("--preview") { Description = "Render the live preview instead of the export: the draft at 640x360 (360 lines), x264 ultrafast, MP4" };
        var cmd = new Command("render", "Render a draft JSON (tracks of clips, photos, music and text) to a video") { draftFile, output, media, quality, loudness, log, preview, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Rendering", parse.GetValue(json), async (progress, token) =>
        {
            var path = parse.GetValue(draftFile)!;
            if (!File.Exists(path)) throw new JobInputException(JobErrorCodes.NotFound, DraftField, $"'{Path.GetFileName(path)}' does not exist");
            // The draft enters here: it is read and checked once, then passed to the renderer as it is.
            var draft = RenderableDraft.Parse(await File.ReadAllTextAsync(path, token));
            var outputFile = parse.GetValue(output)!;
            var lufs = parse.GetValue(loudness);
            var resolve = MediaMap.Resolver(parse.GetValue(media) ?? [], Path.GetDirectoryName(Path.GetFullPath(path))!);
            var request = (parse.GetValue(preview)
                ? DraftPreview.Request(draft, outputFile, resolve)
                : new DraftRenderRequest(draft, outputFile, resolve) { Spec = OutputSpecs.ForRender(FormatOf(outputFile), parse.GetValue(quality)) }) with
            {
                LogFile = parse.GetValue(log) is { } lf ? Path.GetFullPath(lf) : null,
                TargetLufs = lufs is 0 ? null : lufs ?? DraftRenderRequest.DefaultTargetLufs,
            };
            var result = await new DraftRenderer(RenderEngine.Create()).RunAsync(request, progress.AsJobProgress(), token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct, Flags));
        return cmd;
    }

    /// <summary>The container from the output file's extension.</summary>
    /// <exception cref="JobInputException"><c>unknown_value</c> at <c>output</c> for another extension.</exception>
    internal static OutputFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => OutputFormat.Mp4,
        ".webm" => OutputFormat.Webm,
        ".mov" => OutputFormat.Mov,
        ".gif" => OutputFormat.Gif,
        var e => throw new JobInputException(JobErrorCodes.UnknownValue, JobFields.Output, $"must end in .mp4, .webm, .mov or .gif (got '{e}')"),
    };

    internal static void Print(RenderResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        t.AddRow("File", Markup.Escape(r.File));
        t.AddRow("Video", $"{r.Width}x{r.Height}, {r.Frames} frames, {MediaTime.FromMilliseconds(r.DurationMs).ToClock()}");
        t.AddRow("Size", $"{r.SizeBytes:N0} bytes");
        t.AddRow("Took", $"{MediaTime.FromMilliseconds(r.ElapsedMs).TotalSeconds:0.0} s");
        if (r.Chunks is { } c)
            t.AddRow("Chunks", $"{c.Chunks.Count}: {c.Rendered} rendered, {c.Reused} from the cache; sound {(c.AudioReused ? "from the cache" : "rendered")}");
        console.Write(t);
    }
}

/// <summary>Resolves a segment's <c>src</c> on the command line: <c>--media ID=PATH</c> pairs first, then the src as a path (relative to the draft's folder).</summary>
internal static class MediaMap
{
    /// <summary>The resolver of <paramref name="pairs"/> (<c>ID=PATH</c>) over <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="JobInputException"><c>wrong_type</c> at <c>media</c> for a pair without <c>=</c>.</exception>
    public static Func<string, string?> Resolver(IEnumerable<string> pairs, string baseDirectory)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new JobInputException(JobErrorCodes.WrongType, "media", $"'{p}' must be ID=PATH");
            map[p[..eq]] = Path.GetFullPath(p[(eq + 1)..]);
        }
        return src => map.TryGetValue(src, out var f) ? f : File.Exists(Path.Combine(baseDirectory, src)) ? Path.GetFullPath(Path.Combine(baseDirectory, src)) : null;
    }
}
