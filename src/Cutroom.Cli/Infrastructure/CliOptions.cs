using System.CommandLine;

namespace Cutroom.Cli.Infrastructure;

/// <summary>Options shared by several commands, so that they are spelled the same everywhere.</summary>
public static class CliOptions
{
    /// <summary><c>--json</c>: print a machine-readable result instead of a table.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout instead of a table" };

    /// <summary>The input media file argument.</summary>
    public static Argument<string> InputFile() => new("file") { Description = "The input media file" };

    /// <summary><c>-o/--output</c>: the output file.</summary>
    public static Option<string> OutputFile(string description) => new("--output", "-o") { Description = description, Required = true };
}
