using System.CommandLine;
using Cutroom.Cli.Commands;
using Cutroom.Cli.Infrastructure;

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
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A wrong command line is a usage error (exit 2), said in one line per problem.
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"cutroom: {error.Message}");
            Console.Error.WriteLine("run 'cutroom --help' or 'cutroom <command> --help' for usage");
            return ExitCodes.Usage;
        }
        // `serve` stops on SIGTERM/Ctrl+C through the web host's own handler (graceful, within its shutdown timeout: running
        // jobs go back to the queue and their ffmpeg is stopped). System.CommandLine's handler would end the process after 2 s
        // without stopping the host, leaving jobs "running" and ffmpeg orphaned, so it is switched off for that command.
        // `chat` handles Ctrl+C itself: during a request it stops waiting for that request and returns to the prompt.
        var invocation = new InvocationConfiguration
        {
            ProcessTerminationTimeout = parsed.CommandResult.Command.Name is "serve" or "chat" ? null : TimeSpan.FromSeconds(2),
        };
        return await parsed.InvokeAsync(invocation);
    }
}
