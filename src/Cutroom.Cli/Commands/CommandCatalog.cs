using System.CommandLine;

namespace Cutroom.Cli.Commands;

/// <summary>Every subcommand of <c>cutroom</c>, one line each (each command lives in its own file).</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return ProbeCommand.Create();
        yield return FramesCommand.Create();
        yield return ThumbnailCommand.Create();
        yield return ContactSheetCommand.Create();
        yield return RenderCommand.Create();
        yield return CreateCommand.Create();
        yield return ExportTimelineCommand.Create();
        yield return ImportTimelineCommand.Create();
        yield return TrimCommand.Create();
        yield return ConvertCommand.Create();
        yield return AnimateCommand.Create();
        yield return ShotsCommand.Create();
        yield return HighlightsCommand.Create();
        yield return SummaryCommand.Create();
        yield return PlanCommand.Create();
        yield return ChatCommand.Create();
        yield return ChatLocalCommand.Create();
        yield return ServeCommand.Create();
        yield return AdminCommand.Create();
    }
}
