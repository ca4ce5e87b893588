using Cutroom.Contract.Jobs;
using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.ContactSheets;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom contact-sheet FILE -o sheet.jpg --cols 4 --rows 4</c>.</summary>
internal static class ContactSheetCommand
{
    /// <summary>The fields whose flag is not <c>--field</c>.</summary>
    private static readonly Dictionary<string, string> Flags = new() { [ContactSheetRequest.ColumnsField] = "--cols" };

    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var output = CliOptions.OutputFile("The contact sheet image (.jpg, .png or .webp)");
        var cols = new Option<int>("--cols") { Description = $"Columns (1-{ContactSheetRequest.MaxColumns})", DefaultValueFactory = _ => 4 };
        var rows = new Option<int>("--rows") { Description = $"Rows (1-{ContactSheetRequest.MaxRows})", DefaultValueFactory = _ => 4 };
        var tileWidth = new Option<int>("--tile-width") { Description = "Width of each picture in pixels", DefaultValueFactory = _ => 320 };
        var quality = new Option<int>("--quality") { Description = "Image quality 1-100", DefaultValueFactory = _ => 90 };
        var json = CliOptions.Json();
        var cmd = new Command("contact-sheet", "A grid of evenly spread frames, each with its timestamp under it") { file, output, cols, rows, tileWidth, quality, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Making the contact sheet", parse.GetValue(json), async (progress, token) =>
        {
            var request = new ContactSheetRequest
            {
                InputPath = parse.GetValue(file)!, OutputPath = parse.GetValue(output)!,
                Columns = parse.GetValue(cols), Rows = parse.GetValue(rows), TileWidth = parse.GetValue(tileWidth), Quality = parse.GetValue(quality),
            };
            var result = await new ContactSheetMaker(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct, Flags));
        return cmd;
    }

    private static void Print(ContactSheetResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        t.AddRow("File", Markup.Escape(r.File));
        t.AddRow("Size", $"{r.Width}x{r.Height}");
        t.AddRow("Frames", $"{r.Frames.Count}: {string.Join(", ", r.Frames.Select(f => MediaTime.FromMilliseconds(f.PtsMs).ToClock()))}");
        console.Write(t);
    }
}
