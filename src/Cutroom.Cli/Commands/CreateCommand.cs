using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Create;
using Cutroom.Engine.Render;
using Cutroom.Timeline.Json;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom create PHOTOS/CLIPS... --music F --logo F --title T --caption T... --duration 30 --aspect 16:9 -o out.mp4</c>:
/// builds a slideshow draft and renders it.
/// </summary>
internal static class CreateCommand
{
    public static Command Create()
    {
        var items = new Argument<string[]>("items") { Description = "Photos and clips, in order", Arity = ArgumentArity.OneOrMore };
        var output = CliOptions.OutputFile("The video to write (.mp4, .webm, .mov or .gif)");
        var music = new Option<string?>("--music") { Description = "Background music (faded out at the end)" };
        var volume = new Option<double>("--music-volume") { Description = "Music volume 0-2", DefaultValueFactory = _ => 0.8 };
        var logo = new Option<string?>("--logo") { Description = "A logo drawn in a corner" };
        var logoPos = new Option<string>("--logo-position") { Description = "top-left, top-right, bottom-left or bottom-right", DefaultValueFactory = _ => "top-right" };
        var title = new Option<string?>("--title") { Description = "A title over the first seconds" };
        var captions = new Option<string[]>("--caption") { Description = "A caption under each item, in order (repeatable)", AllowMultipleArgumentsPerToken = false };
        var duration = new Option<string>("--duration") { Description = "Total duration (30, 30s, 1:00)", DefaultValueFactory = _ => "30" };
        var aspect = new Option<string>("--aspect") { Description = "16:9, 9:16 or 1:1", DefaultValueFactory = _ => "16:9" };
        var size = new Option<string?>("--size") { Description = "A smaller canvas WxH (e.g. 640x360) for previews" };
        var fps = new Option<int>("--fps") { Description = "Frames per second", DefaultValueFactory = _ => 30 };
        var transition = new Option<string>("--transition") { Description = "crossfade, fadeblack, wipeleft, slideleft, ... or none", DefaultValueFactory = _ => "crossfade" };
        var motion = new Option<string>("--motion") { Description = "Photo motion: auto, none, zoom-in, zoom-out, pan-left, pan-right, pan-up, pan-down", DefaultValueFactory = _ => "auto" };
        var fit = new Option<string>("--fit") { Description = "cover, contain or blur", DefaultValueFactory = _ => "cover" };
        var quality = new Option<OutputQuality>("--quality") { Description = "Encoding quality", DefaultValueFactory = _ => OutputQuality.Medium };
        var draftOut = new Option<string?>("--draft-out") { Description = "Also write the draft JSON here (render it later with 'cutroom render')" };
        var log = new Option<string?>("--log") { Description = "Append ffmpeg's command line and log to this file" };
        var json = CliOptions.Json();
        var cmd = new Command("create", "Make a video from photos, clips, a logo, music and text (slideshow with transitions)")
        {
            items, output, music, volume, logo, logoPos, title, captions, duration, aspect, size, fps, transition, motion, fit, quality, draftOut, log, json,
        };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Creating the video", parse.GetValue(json), async (progress, token) =>
        {
            var ctx = RenderEngine.Create();
            var request = new SlideshowRequest
            {
                Items = [.. parse.GetValue(items)!.Select(Path.GetFullPath)],
                Music = Full(parse.GetValue(music)),
                MusicVolume = parse.GetValue(volume),
                Logo = Full(parse.GetValue(logo)),
                LogoPosition = parse.GetValue(logoPos)!,
                Title = parse.GetValue(title),
                Captions = parse.GetValue(captions) ?? [],
                Duration = ParseDuration(parse.GetValue(duration)),
                Aspect = parse.GetValue(aspect)!,
                Size = ParseSize(parse.GetValue(size)),
                FrameRate = new Rational(parse.GetValue(fps), 1),
                Transition = parse.GetValue(transition),
                Motion = parse.GetValue(motion)!,
                Fit = parse.GetValue(fit)!,
            };
            var draft = await new SlideshowBuilder(ctx).RunAsync(request, null, token);
            if (parse.GetValue(draftOut) is { } d) await File.WriteAllTextAsync(d, DraftJson.Serialize(draft, indented: true), token);
            var result = await new DraftRenderer(ctx).RunAsync(new DraftRenderRequest(RenderableDraft.From(draft), parse.GetValue(output)!, s => s)
            {
                Spec = OutputSpecs.ForRender(RenderCommand.FormatOf(parse.GetValue(output)!), parse.GetValue(quality)),
                LogFile = parse.GetValue(log) is { } lf ? Path.GetFullPath(lf) : null,
            }, progress.AsJobProgress(), token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, RenderCommand.Print, ct));
        return cmd;
    }

    private static string? Full(string? path) => path is null ? null : Path.GetFullPath(path);

    private static MediaTime ParseDuration(string? text) =>
        MediaTime.TryParse(text, out var us) ? MediaTime.FromMicroseconds(us)
            : throw new JobInputException(JobErrorCodes.WrongType, JobFields.Duration, $"is not a time (got '{text}'); use seconds (30, 30s) or a clock (1:00)");

    private static (int, int)? ParseSize(string? text)
    {
        if (text is null) return null;
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h))
            return (w, h);
        throw new JobInputException(JobErrorCodes.WrongType, SizeField, $"must be WIDTHxHEIGHT, e.g. 640x360 (got '{text}')");
    }

    private const string SizeField = "size";
}
