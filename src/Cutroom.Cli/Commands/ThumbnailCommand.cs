using Cutroom.Contract.Jobs;
using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Thumbnails;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom thumbnail FILE -o thumb.jpg</c>: the best representative frame at full resolution.</summary>
internal static class ThumbnailCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var output = CliOptions.OutputFile("The thumbnail image (.jpg, .png or .webp)");
        var quality = new Option<int>("--quality") { Description = "Image quality 1-100", DefaultValueFactory = _ => 92 };
        var json = CliOptions.Json();
        var cmd = new Command("thumbnail", "Pick the best representative frame (not black, not blurred, not a fade) at full resolution") { file, output, quality, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Choosing a thumbnail", parse.GetValue(json), async (progress, token) =>
        {
            var request = new ThumbnailRequest { InputPath = parse.GetValue(file)!, OutputPath = parse.GetValue(output)!, Quality = parse.GetValue(quality) };
            var result = await new ThumbnailPicker(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct));
        return cmd;
    }

    private static void Print(ThumbnailResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        t.AddRow("File", Markup.Escape(r.File));
        t.AddRow("Frame", $"{r.FrameIndex} at {MediaTime.FromMilliseconds(r.PtsMs).ToClock()}");
        t.AddRow("Size", $"{r.Width}x{r.Height}");
        t.AddRow("Score", string.Create(CultureInfo.InvariantCulture, $"{r.Quality.Score:0.00} (sharpness {r.Quality.Sharpness:0}, contrast {r.Quality.Contrast:0.0}, brightness {r.Quality.MeanLuma:0}) best of {r.Candidates}"));
        console.Write(t);
    }
}
