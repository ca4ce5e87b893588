using System.CommandLine;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.Timeline.Interchange.Otio;
using Cutroom.Timeline.Json;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom import-timeline FILE.otio -o draft.json</c>: reads an OpenTimelineIO timeline
/// (from an NLE or from <c>export-timeline</c>) as a draft: cuts, gaps, transitions, speed,
/// audio tracks, and Cutroom's texts. <c>file://</c> media become paths, so the draft renders
/// with <c>cutroom render</c> as it is.
/// </summary>
internal static class ImportTimelineCommand
{
    private const string TimelineField = "timeline";

    /// <summary>Fields said as they are: the argument, and the OTIO file's top-level keys (deeper paths have dots and print as paths).</summary>
    private static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TimelineField] = "timeline",
        ["OTIO_SCHEMA"] = "OTIO_SCHEMA",
        ["tracks"] = "tracks",
    };

    /// <summary>What was written.</summary>
    /// <param name="File">The draft file.</param>
    /// <param name="Tracks">Tracks in the draft.</param>
    /// <param name="Segments">Segments in the draft.</param>
    /// <param name="DurationMs">The draft's duration in ms.</param>
    /// <param name="Notes">What was read with a loss.</param>
    internal sealed record ImportResult(string File, int Tracks, int Segments, long DurationMs, IReadOnlyList<string> Notes);

    public static Command Create()
    {
        var timeline = new Argument<string>("timeline") { Description = "The OpenTimelineIO file (.otio)" };
        var output = CliOptions.OutputFile("The draft JSON file to write");
        var json = CliOptions.Json();
        var cmd = new Command("import-timeline", "Import an OpenTimelineIO timeline as a draft JSON") { timeline, output, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Importing", parse.GetValue(json), async (_, token) =>
        {
            var path = parse.GetValue(timeline)!;
            if (!File.Exists(path)) throw new JobInputException(JobErrorCodes.NotFound, TimelineField, $"'{Path.GetFileName(path)}' does not exist");
            var result = OtioImporter.Import(await File.ReadAllTextAsync(path, token));
            if (result.Draft is not { } draft) throw new JobInputException(result.Errors);
            var outputFile = parse.GetValue(output)!;
            await ExportTimelineCommand.WriteAtomicallyAsync(outputFile, DraftJson.Serialize(draft, indented: true), token);
            foreach (var note in result.Notes) JobConsole.Warn(note);
            return new ImportResult(Path.GetFullPath(outputFile), draft.Tracks.Length, draft.AllSegments().Count(), draft.DurationMs, result.Notes);
        }, Print, ct, Flags));
        return cmd;
    }

    private static void Print(ImportResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        t.AddRow("File", Markup.Escape(r.File));
        t.AddRow("Timeline", $"{r.Tracks} tracks, {r.Segments} segments, {Contract.Time.MediaTime.FromMilliseconds(r.DurationMs).ToClock()}");
        t.AddRow("Read with a loss", r.Notes.Count == 0 ? "nothing" : Markup.Escape(string.Join("\n", r.Notes)));
        console.Write(t);
    }
}
