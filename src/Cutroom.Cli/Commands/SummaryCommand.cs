using System.CommandLine;
using System.Globalization;
using Cutroom.Cli.Infrastructure;
using Cutroom.Engine.Common;
using Cutroom.Engine.Summary;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary><c>cutroom summary FILE -o DIR</c>: summary.json, summary.md, storyboard.jpg, chapter thumbnails, CSV/EDL/OTIO exports.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var file = CliOptions.InputFile();
        var output = new Option<string>("--output", "-o") { Description = "A new or empty folder for the summary", Required = true };
        var analysis = new Option<string>("--analysis") { Description = "auto (default: keyframes only above 10 minutes), exact or fast", DefaultValueFactory = _ => "auto" };
        var noCache = new Option<bool>("--no-cache") { Description = "Analyse again even when a cached analysis exists" };
        var json = CliOptions.Json();
        var cmd = new Command("summary", "Summarise a video or recording: metadata, shots, chapters, loudness, a storyboard and exports") { file, output, analysis, noCache, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Summarising", parse.GetValue(json), async (progress, token) =>
        {
            var request = new SummaryRequest(parse.GetValue(file)!, parse.GetValue(output)!)
            {
                Analysis = ShotsCommand.ParseMode(parse.GetValue(analysis), SummaryRequest.AnalysisField),
                UseCache = !parse.GetValue(noCache),
            };
            var result = await new SummaryJob(EngineContext.CreateDefault()).RunAsync(request, progress.AsJobProgress(), token);
            foreach (var w in result.Warnings) JobConsole.Warn(w);
            return result;
        }, Print, ct));
        return cmd;
    }

    private static void Print(SummaryDocument d, IAnsiConsole console)
    {
        console.WriteLine(d.Description);
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Chapter").AddColumn("From").AddColumn("To").AddColumn("Shots");
        foreach (var c in d.Chapters)
            t.AddRow((c.Index + 1).ToString(CultureInfo.InvariantCulture), MediaTime.ToClock(c.StartMs), MediaTime.ToClock(c.EndMs), c.ShotCount.ToString(CultureInfo.InvariantCulture));
        console.Write(t);
    }
}
