using System.CommandLine;
using Cutroom.Cli.Commands;

namespace Cutroom.Cli;

/// <summary>The <c>cutroom</c> command: self-hosted video jobs on ffmpeg.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("Cutroom: frames, highlights, slideshows, image-to-video, inspect and trim, on your own machine.");
        foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
        return await root.Parse(args).InvokeAsync();
    }
}
