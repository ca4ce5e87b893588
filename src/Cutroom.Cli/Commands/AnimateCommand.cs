using Cutroom.Contract.Jobs;
using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Common;
using Cutroom.Engine.Stills;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom animate IMAGE -o out.mp4</c>: one still picture into a smooth Ken Burns clip.</summary>
internal static class AnimateCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "The still picture (jpg, png or webp); its EXIF orientation is applied" };
        var output = CliOptions.OutputFile("The MP4 to write (H.264 High, yuv420p, +faststart)");
        var duration = new Option<string>("--duration", "-d") { Description = $"Clip length: 6, 6s, 2500ms, 0:06 (more than 0, at most {AnimateRequest.MaxDuration.TotalSeconds:0} s)", DefaultValueFactory = _ => "6" };
        var motion = new Option<string>("--motion", "-m") { Description = "Camera move: " + string.Join(", ", KenBurnsMotionNames.All), DefaultValueFactory = _ => "zoom-in" };
        var width = new Option<int?>("--width") { Description = $"Frame width in pixels (with --height; long side at most {CanvasSize.MaxSide})" };
        var height = new Option<int?>("--height") { Description = "Frame height in pixels (with --width)" };
        var aspect = new Option<string?>("--aspect") { Description = "1080p canvas of an aspect: 16:9 (1920x1080, the default), 9:16 (1080x1920), 1:1 (1080x1080)" };
        var fps = new Option<string>("--fps") { Description = $"Frame rate: 30, 25, 24, 30000/1001 (at most {AnimateRequest.MaxFrameRate})", DefaultValueFactory = _ => "30" };
        var quality = new Option<string>("--quality") { Description = "low, medium or high (x264 veryfast/CRF 28, fast/CRF 23, medium/CRF 18)", DefaultValueFactory = _ => "medium" };
        var fit = new Option<string>("--fit") { Description = "How other aspect ratios fill the frame: cover (crop), contain (bars), blur (blurred fill)", DefaultValueFactory = _ => "cover" };
        var noAudio = new Option<bool>("--no-audio") { Description = "Write no audio track (by default a silent stereo AAC track is added)" };
        var json = CliOptions.Json();
        var cmd = new Command("animate", "Turn a still picture into a smooth Ken Burns video clip (zoom or pan)")
        {
            image, output, duration, motion, width, height, aspect, fps, quality, fit, noAudio, json,
        };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Animating", parse.GetValue(json),
            async (progress, token) =>
            {
                var request = new AnimateRequest
                {
                    ImagePath = parse.GetValue(image)!,
                    OutputPath = parse.GetValue(output)!,
                    Duration = ParseDuration(parse.GetValue(duration)),
                    Motion = KenBurnsMotionNames.Parse(parse.GetValue(motion)),
                    Canvas = CanvasSize.Resolve(parse.GetValue(aspect), parse.GetValue(width), parse.GetValue(height)),
                    FrameRate = ParseRate(parse.GetValue(fps)),
                    Quality = ParseQuality(parse.GetValue(quality)),
                    Fit = StillFitNames.Parse(parse.GetValue(fit)),
                    SilentAudio = !parse.GetValue(noAudio),
                };
                return await new AnimateJob(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            },
            Print, ct));
        return cmd;
    }

    private static MediaTime ParseDuration(string? text) =>
        MediaTime.TryParse(text, out var us) ? MediaTime.FromMicroseconds(us)
            : throw new JobInputException(JobErrorCodes.WrongType, JobFields.Duration, $"is not a time (got '{text}'); use seconds (6, 2.5s) or a clock (0:06)");

    private static Rational ParseRate(string? text) =>
        Rational.TryParse(text, out var r) ? r
            : throw new JobInputException(JobErrorCodes.WrongType, AnimateRequest.FrameRateField, $"is not a frame rate (got '{text}'); use 30, 25 or 30000/1001");

    private static OutputQuality ParseQuality(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "low" => OutputQuality.Low,
        null or "" or "medium" => OutputQuality.Medium,
        "high" => OutputQuality.High,
        _ => throw new JobInputException(JobErrorCodes.UnknownValue, JobFields.Quality, $"must be low, medium or high (got '{text}')"),
    };

    private static void Print(AnimateResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("Output", r.Output);
        Row("Clip", $"{r.Width}x{r.Height}, {r.FrameRate} fps, {r.Frames} frames, {MediaTime.FromMilliseconds(r.DurationMs).ToClock()}");
        Row("Motion", $"{r.Motion} ({r.Fit})");
        Row("Encoding", $"H.264 High yuv420p, quality {r.Quality}, audio: {r.Audio}");
        if (r.ImageOrientation != ExifOrientation.Upright) Row("EXIF orientation", $"{r.ImageOrientation} (applied)");
        Row("Size", $"{r.SizeBytes:N0} bytes");
        Row("Time", $"{TimeSpan.FromMilliseconds(r.ElapsedMs).TotalSeconds:0.0} s");
        console.Write(t);
    }
}
