using Cutroom.Contract.Output;
using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.Engine.Render;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;
using Cutroom.Timeline.Json;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom render draft.json -o out.mp4 [--media ID=PATH]...</c>: renders any draft.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var draftFile = new Argument<string>("draft") { Description = "The draft (timeline) JSON file" };
        var output = CliOptions.OutputFile("The video to write (.mp4, .webm, .mov or .gif)");
        var media = new Option<string[]>("--media") { Description = "Map a media id to a file: ID=PATH (repeatable); a src that is a path works as is", AllowMultipleArgumentsPerToken = true };
        var quality = new Option<OutputQuality>("--quality") { Description = "Encoding quality", DefaultValueFactory = _ => OutputQuality.High };
        var loudness = new Option<double?>("--lufs") { Description = "Integrated loudness target of the mix in LUFS (default -14); 0 turns normalisation off" };
        var log = new Option<string?>("--log") { Description = "Append ffmpeg's command line and log to this file" };
        var json = CliOptions.Json();
        var cmd = new Command("render", "Render a draft JSON (tracks of clips, photos, music and text) to a video") { draftFile, output, media, quality, loudness, log, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Rendering", parse.GetValue(json), async (progress, token) =>
        {
            var path = parse.GetValue(draftFile)!;
            if (!File.Exists(path)) throw new JobInputException($"draft not found: {path}", isUsage: true);
            var parsed = DraftJson.Parse(await File.ReadAllTextAsync(path, token));
            if (!parsed.Succeeded) throw new RenderInputException(parsed.Errors);
            var lufs = parse.GetValue(loudness);
            var options = new RenderOptions
            {
                ResolveMedia = MediaMap.Resolver(parse.GetValue(media) ?? [], Path.GetDirectoryName(Path.GetFullPath(path))!),
                Format = FormatOf(parse.GetValue(output)!),
                Quality = parse.GetValue(quality),
                LogFile = parse.GetValue(log) is { } lf ? Path.GetFullPath(lf) : null,
                TargetLufs = lufs is 0 ? null : lufs ?? -14,
            };
            var result = await new DraftRenderer(EngineContext.CreateDefault()).RenderAsync(parsed.Draft!, parse.GetValue(output)!, options, progress, token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct));
        return cmd;
    }

    /// <summary>The container from the output file's extension.</summary>
    internal static RenderFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => RenderFormat.Mp4,
        ".webm" => RenderFormat.Webm,
        ".mov" => RenderFormat.Mov,
        ".gif" => RenderFormat.Gif,
        var e => throw new JobInputException($"output must end in .mp4, .webm, .mov or .gif (got '{e}')", isUsage: true),
    };

    internal static void Print(RenderResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        t.AddRow("File", Markup.Escape(r.File));
        t.AddRow("Video", $"{r.Width}x{r.Height}, {r.Frames} frames, {MediaTime.ToClock(r.DurationMs)}");
        t.AddRow("Size", $"{r.SizeBytes:N0} bytes");
        t.AddRow("Took", $"{r.ElapsedMs / 1000.0:0.0} s");
        console.Write(t);
    }
}

/// <summary>Resolves a segment's <c>src</c> on the command line: <c>--media ID=PATH</c> pairs first, then the src as a path (relative to the draft's folder).</summary>
internal static class MediaMap
{
    public static Func<string, string?> Resolver(IEnumerable<string> pairs, string baseDirectory)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new JobInputException($"--media '{p}' must be ID=PATH", isUsage: true);
            map[p[..eq]] = Path.GetFullPath(p[(eq + 1)..]);
        }
        return src => map.TryGetValue(src, out var f) ? f : File.Exists(Path.Combine(baseDirectory, src)) ? Path.GetFullPath(Path.Combine(baseDirectory, src)) : null;
    }
}
