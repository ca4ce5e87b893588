using System.CommandLine;
using System.Text;
using Cutroom.Cli.Infrastructure;
using Cutroom.Contract.Errors;
using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Json;
using Spectre.Console;

namespace Cutroom.Cli.Commands;

/// <summary>
/// <c>cutroom export-timeline draft.json --format otio|fcpxml|edl -o OUT [--media ID=PATH]...</c>:
/// writes a draft as an NLE timeline (docs/nle-interchange.md). Media references are
/// <c>file://</c> URLs where <c>src</c> (or its <c>--media</c> mapping) is a file, else <c>src</c>.
/// </summary>
internal static class ExportTimelineCommand
{
    private const string DraftField = "draft";

    /// <summary>The command's fields whose flag is not <c>--field-name</c>.</summary>
    private static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal) { [DraftField] = "draft" };

    /// <summary>What was written.</summary>
    /// <param name="File">The timeline file.</param>
    /// <param name="Format">otio, fcpxml or edl.</param>
    /// <param name="Segments">Segments in the draft.</param>
    /// <param name="Losses">What the format could not carry.</param>
    internal sealed record ExportResult(string File, string Format, int Segments, IReadOnlyList<string> Losses);

    public static Command Create()
    {
        var draftFile = new Argument<string>("draft") { Description = "The draft (timeline) JSON file" };
        var format = new Option<string?>("--format") { Description = "otio (OpenTimelineIO), fcpxml (Final Cut Pro XML 1.10) or edl (CMX 3600); default: the output's extension" };
        format.AcceptOnlyFromAmong([.. TimelineFormats.Names]);
        var output = CliOptions.OutputFile("The timeline file to write (.otio, .fcpxml or .edl)");
        var media = new Option<string[]>("--media") { Description = "Map a media id to a file: ID=PATH (repeatable); a src that is a path works as is", AllowMultipleArgumentsPerToken = true };
        var json = CliOptions.Json();
        var cmd = new Command("export-timeline", "Export a draft as an OpenTimelineIO, FCPXML or EDL timeline for an NLE") { draftFile, format, output, media, json };
        cmd.SetAction((parse, ct) => JobConsole.RunAsync("Exporting", parse.GetValue(json), async (_, token) =>
        {
            var path = parse.GetValue(draftFile)!;
            var outputFile = parse.GetValue(output)!;
            var kind = FormatOf(parse.GetValue(format), outputFile);
            if (!File.Exists(path)) throw new JobInputException(JobErrorCodes.NotFound, DraftField, $"'{Path.GetFileName(path)}' does not exist");
            var parsed = DraftJson.Parse(await File.ReadAllTextAsync(path, token));
            if (parsed.Draft is null) throw new JobInputException(parsed.Errors);
            var files = MediaMap.Resolver(parse.GetValue(media) ?? [], Path.GetDirectoryName(Path.GetFullPath(path))!);
            var export = TimelineExporter.Export(parsed.Draft, kind,
                src => files(src) is { } file ? new MediaReference(new Uri(file).AbsoluteUri, Path.GetFileName(file)) : new MediaReference(src));
            await WriteAtomicallyAsync(outputFile, export.Text, token);
            foreach (var loss in export.Losses) JobConsole.Warn(loss);
            return new ExportResult(Path.GetFullPath(outputFile), kind.Extension(), parsed.Draft.AllSegments().Count(), export.Losses);
        }, Print, ct, Flags));
        return cmd;
    }

    /// <summary>The format from <c>--format</c>, else from the output's extension.</summary>
    /// <exception cref="JobInputException"><c>unknown_value</c> at <c>format</c> when neither names one.</exception>
    private static TimelineFormat FormatOf(string? format, string output) =>
        TimelineFormats.TryParse(format ?? Path.GetExtension(output), out var f) ? f
            : throw new JobInputException(JobErrorCodes.UnknownValue, "format", $"must be one of {string.Join(", ", TimelineFormats.Names)} (the output '{Path.GetFileName(output)}' names none)");

    /// <summary>Writes under a temporary name beside the target and renames it when complete.</summary>
    internal static async Task WriteAtomicallyAsync(string path, string text, CancellationToken token)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), token);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new JobInputException(JobErrorCodes.NotFound, JobFields.Output, $"cannot write '{Path.GetFileName(full)}': {PathRedaction.Redact(e.Message, [full, temp])}");
        }
    }

    private static void Print(ExportResult r, IAnsiConsole console)
    {
        var t = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        t.AddRow("File", Markup.Escape(r.File));
        t.AddRow("Format", r.Format);
        t.AddRow("Segments", r.Segments.ToString(System.Globalization.CultureInfo.InvariantCulture));
        t.AddRow("Not exported", r.Losses.Count == 0 ? "nothing" : Markup.Escape(string.Join("\n", r.Losses)));
        console.Write(t);
    }
}
